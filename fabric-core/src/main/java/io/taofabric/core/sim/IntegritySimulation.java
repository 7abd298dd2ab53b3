package io.taofabric.core.sim;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.participant.ValidatorEvent;
import io.taofabric.core.participant.ValidatorState;
import io.taofabric.core.participant.WeightsAction;
import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.scoring.RoundScorer;
import io.taofabric.core.scoring.TempoScores;
import io.taofabric.core.scoring.TournamentPolicy;
import io.taofabric.core.strategy.LocalRound;
import io.taofabric.core.strategy.Miner;
import io.taofabric.core.subnet.EpochSchedule;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.Subnet;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetEvent;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.subnet.UidEpochResult;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One subnet run block by block under its own rule book. Each round, every honest validator asks
 * every miner the same challenge, drawn from the block (as validators would from the chain's public
 * randomness), scores the answers with {@link RoundScorer}, and keeps the tempo's {@link
 * TempoScores}; its weights are the task's {@link TournamentPolicy} rewards of this tempo alone.
 * Every validator sends what {@link ValidatorState#nextAction} says, the weight copier with the
 * chain's public weights ({@link WeightCopier}) as its only "scores". Every command goes through
 * {@link Subnet#decide}: a refusal is a bug in the simulation and fails the run.
 */
public final class IntegritySimulation<Q, A> {
  static final int NETUID = 1;
  static final String COPIER = "validator-copier";
  private static final String OWNER = "owner";
  /** Registration is not what is tested: it costs next to nothing. */
  private static final long BURN_RAO = 1;
  /** Weights are the tempo's rewards alone: nothing of an earlier tempo is averaged in. */
  private static final long REPLACE = 1_000_000;

  private final SimTask<Q, A> task;
  private final List<Contestant<Q, A>> contestants;
  private final SimConfig config;
  private final List<Miner<Q, A>> miners = new ArrayList<>();
  private final List<String> minerKeys = new ArrayList<>();
  private final RoundScorer<Q, A> scorer;
  private final WeightsRules rules;
  private final SecureRandom salts;
  private final Map<String, TempoScores> tempoScores = new LinkedHashMap<>();
  private final Map<String, ValidatorState> validators = new LinkedHashMap<>();
  private final Map<String, Long> earned = new HashMap<>();
  private Subnet subnet;

  public IntegritySimulation(SimTask<Q, A> task, List<Contestant<Q, A>> contestants, SimConfig config) {
    this.task = task;
    this.contestants = List.copyOf(contestants);
    this.config = config;
    for (Contestant<Q, A> c : contestants) {
      miners.add(c.miner());
      minerKeys.add(c.hotkey());
    }
    this.scorer = new RoundScorer<>(task.similarity());
    SubnetHyperparameters params = hyperparameters(config);
    this.rules = WeightsRules.of(params);
    this.salts = seeded(config.seed());
    this.subnet = Subnet.uncreated(NETUID);
    send(new SubnetCommand.CreateSubnet(OWNER, OWNER, params, 1));
  }

  /**
   * The subnet: commit–reveal as configured, a permit for every validator and no more (miners, whose
   * stake grows with their emission, never vote). A validator may send weights every quarter tempo;
   * a commit is revealable the rest of an epoch period later. Committed right after an epoch, weights
   * are revealed just before the next one, the epoch they count in, so they become public only once
   * they are in force: a copy of them can count one epoch later at the earliest.
   */
  static SubnetHyperparameters hyperparameters(SimConfig config) {
    int rateLimit = Math.max(2, config.tempo() / 4);
    return SubnetHyperparameters.DEFAULTS
        .with("tempo", config.tempo())
        .with("commit_reveal_weights_enabled", config.commitReveal() ? "true" : "false")
        .with("commit_reveal_delay", config.tempo() + 1 - rateLimit)
        .with("commit_reveal_window", config.tempo())
        .with("weights_rate_limit", rateLimit)
        .with("max_allowed_validators", config.honestValidators() + 1)
        .with("min_burn", 0)
        .with("burn", BURN_RAO);
  }

  /** Runs every epoch and measures the miners' true quality; a simulation runs once. */
  public IntegrityReport run() {
    register();
    long period = config.tempo() + 1L;
    long roundEvery = Math.max(1, period / task.policy().roundsPerTempo());
    long lastEpoch = EpochSchedule.nextDue(NETUID, config.tempo(), 2) + (config.epochs() - 1) * period;
    for (long block = 2; block <= lastEpoch; block++) {
      if (block % roundEvery == 0) {
        playRounds(block);
      }
      for (String hotkey : validators.keySet()) {
        submitWeights(hotkey, block);
      }
      if (EpochSchedule.isDue(NETUID, config.tempo(), block)) {
        runEpoch(block);
      }
    }
    return report();
  }

  private void register() {
    for (String miner : minerKeys) {
      send(new SubnetCommand.Register(miner, "cold-" + miner, "burn-" + miner, BURN_RAO, 1));
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < config.honestValidators(); i++) {
      keys.add("validator-" + i);
    }
    keys.add(COPIER);
    for (String key : keys) {
      send(new SubnetCommand.Register(key, "cold-" + key, "burn-" + key, BURN_RAO, 1));
      send(new SubnetCommand.AddStake(key, "cold-" + key, config.validatorStakeRao(), "stake-" + key, 1));
      ValidatorState state = ValidatorState.initial(key, NETUID);
      validators.put(key, applied(state, state.start(NETUID)));
      if (!key.equals(COPIER)) {
        tempoScores.put(key, TempoScores.none());
      }
    }
  }

  /** Every honest validator asks the block's challenge of every miner and folds the scores in. */
  private void playRounds(long block) {
    long tempoIndex = subnet.epochsApplied();
    Challenge<Q, A> challenge = task.challenge(tempoIndex, new Random(mix(config.seed(), block)));
    for (Map.Entry<String, TempoScores> entry : tempoScores.entrySet()) {
      String hotkey = entry.getKey();
      TempoScores scores = entry.getValue().with(tempoIndex,
          scorer.scores(LocalRound.play(challenge.query(), miners, Lineup.DEADLINE_NS), challenge.scorer()));
      entry.setValue(scores);
      ValidatorState state = validators.get(hotkey);
      validators.put(hotkey, applied(state, state.recordScores(task.policy().rewards(scores), block, REPLACE)));
    }
  }

  /** Reveals what is due, then sends at most one new set of weights. */
  private void submitWeights(String hotkey, long block) {
    ValidatorState state = validators.get(hotkey);
    if (hotkey.equals(COPIER)) {
      // the copier's whole "scoring": whatever the chain shows right now, remembered as is
      state = applied(state, state.recordScores(WeightCopier.publicScores(subnet, hotkey, minerKeys), block, 1_000_000));
    }
    WeightsAction action = state.nextAction(Metagraph.of(subnet, block), rules, salts);
    while (action instanceof WeightsAction.Submission submission) {
      send(submission.command());
      state = state.apply(submission.acknowledged());
      if (!(submission instanceof WeightsAction.Reveal)) {
        break;
      }
      action = state.nextAction(Metagraph.of(subnet, block), rules, salts);
    }
    validators.put(hotkey, state);
  }

  private void runEpoch(long block) {
    for (SubnetEvent event : send(new SubnetCommand.RunEpoch(block, config.epochEmissionRao()))) {
      if (event instanceof SubnetEvent.EpochApplied epoch) {
        for (UidEpochResult uid : epoch.uids()) {
          earned.merge(uid.hotkey(), uid.emission(), Long::sum);
        }
      }
    }
  }

  private IntegrityReport report() {
    Map<String, Double> quality = TrueQuality.measure(task, contestants);
    List<IntegrityReport.MinerResult> minerResults = new ArrayList<>();
    for (Contestant<Q, A> c : contestants) {
      minerResults.add(new IntegrityReport.MinerResult(
          c.hotkey(), c.kind(), earned.getOrDefault(c.hotkey(), 0L), quality.getOrDefault(c.hotkey(), 0.0)));
    }
    List<IntegrityReport.ValidatorResult> validatorResults = new ArrayList<>();
    for (String hotkey : validators.keySet()) {
      validatorResults.add(new IntegrityReport.ValidatorResult(
          hotkey, hotkey.equals(COPIER), config.validatorStakeRao(), earned.getOrDefault(hotkey, 0L)));
    }
    return IntegrityReport.of(minerResults, validatorResults);
  }

  private List<SubnetEvent> send(SubnetCommand command) {
    Decision<SubnetEvent> decision = subnet.decide(command);
    if (!(decision instanceof Decision.Accept<SubnetEvent> accepted)) {
      throw new IllegalStateException("the subnet refused " + command + ": " + decision);
    }
    for (SubnetEvent e : accepted.events()) {
      subnet = subnet.apply(e);
    }
    return accepted.events();
  }

  private static ValidatorState applied(ValidatorState state, Decision<ValidatorEvent> decision) {
    if (!(decision instanceof Decision.Accept<ValidatorEvent> accepted)) {
      throw new IllegalStateException(state.hotkey() + " refused its own decision: " + decision);
    }
    ValidatorState next = state;
    for (ValidatorEvent e : accepted.events()) {
      next = next.apply(e);
    }
    return next;
  }

  /** SplitMix64's finaliser over both: neighbouring blocks draw unrelated challenges. */
  private static long mix(long seed, long block) {
    long z = seed * 0x9E3779B97F4A7C15L + block;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A salt source that repeats for a seed, so a run is deterministic down to its commit hashes. */
  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG ships with every JDK", e);
    }
  }
}
