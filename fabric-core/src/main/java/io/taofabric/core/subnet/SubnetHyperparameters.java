package io.taofabric.core.subnet;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.subnet.WeightCommits.CommitRevealWindow;
import io.taofabric.core.yuma.EpochParams;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;
import java.util.function.ObjLongConsumer;

/**
 * The parameters a subnet's owner tunes, validated on construction. Names in messages and in
 * {@link #with(String, String)} are Bittensor's hyperparameter names, so its users find theirs.
 *
 * @param tempo blocks between two epochs
 * @param maxUids UID slots; a registration on a full subnet replaces one
 * @param immunityPeriod blocks after registration during which a UID is not replaced
 * @param maxValidators how many top-stake UIDs get validator permits
 * @param activityCutoff blocks without a weights update after which a UID counts as inactive
 * @param kappa consensus majority, u16
 * @param bondsPenalty how far bonds follow clipped rather than raw weights, u16
 * @param bondsMovingAverage bonds EMA memory in millionths
 * @param yuma3 Yuma 3 bonds instead of classic bonds
 * @param liquidAlpha per-cell bonds α (Yuma 3 only)
 * @param alphaLow lower bound of liquid α, u16
 * @param alphaHigh upper bound of liquid α, u16
 * @param weightsPolicy rate limit, fewest weights and stake threshold of weights transactions; its
 *     stake threshold is also the least stake the epoch counts
 * @param commitReveal whether weights must be committed and later revealed instead of set
 * @param revealWindow when a commit may be revealed
 * @param burn rao a registration burns; the subnet's fixed price
 * @param minBurn the least {@code burn} may be set to, rao
 * @param maxBurn the most {@code burn} may be set to, rao
 */
public record SubnetHyperparameters(
    int tempo,
    int maxUids,
    long immunityPeriod,
    int maxValidators,
    long activityCutoff,
    int kappa,
    int bondsPenalty,
    long bondsMovingAverage,
    boolean yuma3,
    boolean liquidAlpha,
    int alphaLow,
    int alphaHigh,
    WeightsPolicy weightsPolicy,
    boolean commitReveal,
    CommitRevealWindow revealWindow,
    long burn,
    long minBurn,
    long maxBurn) {

  private static final int U16_MAX = 65_535;

  /** Close to a new Bittensor mainnet subnet: tempo 360, 256 UIDs, 64 validators, 1 TAO burn. */
  public static final SubnetHyperparameters DEFAULTS =
      new SubnetHyperparameters(
          360,
          256,
          4096,
          64,
          5000,
          EpochParams.DEFAULTS.kappa(),
          EpochParams.DEFAULTS.bondsPenalty(),
          EpochParams.DEFAULTS.bondsMovingAverage(),
          false,
          false,
          EpochParams.DEFAULTS.alphaLow(),
          EpochParams.DEFAULTS.alphaHigh(),
          WeightsPolicy.DEFAULTS,
          false,
          new CommitRevealWindow(360, 360),
          BlockEmission.RAO_PER_TAO,
          BlockEmission.RAO_PER_TAO / 2_000,
          100 * BlockEmission.RAO_PER_TAO);

  private static final Map<String, Setter> SETTERS =
      Map.ofEntries(
          Map.entry("tempo", integer((d, v) -> d.tempo = v)),
          Map.entry("max_allowed_uids", integer((d, v) -> d.maxUids = v)),
          Map.entry("immunity_period", number((d, v) -> d.immunityPeriod = v)),
          Map.entry("max_allowed_validators", integer((d, v) -> d.maxValidators = v)),
          Map.entry("activity_cutoff", number((d, v) -> d.activityCutoff = v)),
          Map.entry("kappa", integer((d, v) -> d.kappa = v)),
          Map.entry("bonds_penalty", integer((d, v) -> d.bondsPenalty = v)),
          Map.entry("bonds_moving_avg", number((d, v) -> d.bondsMovingAverage = v)),
          Map.entry("yuma3_enabled", flag((d, v) -> d.yuma3 = v)),
          Map.entry("liquid_alpha_enabled", flag((d, v) -> d.liquidAlpha = v)),
          Map.entry("alpha_low", integer((d, v) -> d.alphaLow = v)),
          Map.entry("alpha_high", integer((d, v) -> d.alphaHigh = v)),
          Map.entry("weights_rate_limit", number((d, v) -> d.rateLimit = v)),
          Map.entry("min_allowed_weights", integer((d, v) -> d.minAllowedWeights = v)),
          Map.entry("stake_threshold", number((d, v) -> d.stakeThreshold = v)),
          Map.entry("commit_reveal_weights_enabled", flag((d, v) -> d.commitReveal = v)),
          Map.entry("commit_reveal_delay", number((d, v) -> d.revealDelay = v)),
          Map.entry("commit_reveal_window", number((d, v) -> d.revealWindowBlocks = v)),
          Map.entry("burn", number((d, v) -> d.burn = v)),
          Map.entry("min_burn", number((d, v) -> d.minBurn = v)),
          Map.entry("max_burn", number((d, v) -> d.maxBurn = v)));

  /** Validates every range; a violation names the hyperparameter. */
  public SubnetHyperparameters {
    requireRange("tempo", tempo, 1, U16_MAX);
    requireRange("max_allowed_uids", maxUids, 1, U16_MAX);
    requireRange("immunity_period", immunityPeriod, 0, U16_MAX);
    requireRange("max_allowed_validators", maxValidators, 1, U16_MAX);
    requireRange("activity_cutoff", activityCutoff, 1, U16_MAX);
    requireRange("kappa", kappa, 0, U16_MAX);
    requireRange("bonds_penalty", bondsPenalty, 0, U16_MAX);
    requireRange("bonds_moving_avg", bondsMovingAverage, 0, 1_000_000);
    requireRange("alpha_low", alphaLow, 0, alphaHigh);
    requireRange("alpha_high", alphaHigh, alphaLow, U16_MAX);
    requireRange("max_burn", maxBurn, 0, BlockEmission.MAX_SUPPLY_RAO);
    requireRange("min_burn", minBurn, 0, maxBurn);
    requireRange("burn", burn, minBurn, maxBurn);
    if (weightsPolicy == null || revealWindow == null) {
      throw new IllegalArgumentException("weights policy and reveal window are required");
    }
    requireRange("min_allowed_weights", weightsPolicy.minAllowedWeights(), 0, maxUids);
  }

  /** The names {@link #with(String, String)} accepts, sorted. */
  public static SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(SETTERS.keySet()));
  }

  /**
   * These hyperparameters with {@code name} set to {@code value}: a whole number, or {@code
   * true}/{@code false} (also {@code 1}/{@code 0}) for switches.
   *
   * @throws IllegalArgumentException naming the problem: an unknown name, a value that does not
   *     parse, or one out of range
   */
  public SubnetHyperparameters with(String name, String value) {
    Setter setter = name == null ? null : SETTERS.get(name);
    if (setter == null) {
      throw new IllegalArgumentException("unknown hyperparameter '" + name + "'; known: " + names());
    }
    if (value == null) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    Draft draft = new Draft(this);
    setter.set(draft, name, value.trim());
    return draft.build();
  }

  /** {@link #with(String, String)} for a number (or 1/0 for a switch). */
  public SubnetHyperparameters with(String name, long value) {
    return with(name, Long.toString(value));
  }

  /** The epoch's parameters for a subnet whose owner holds {@code ownerUid}. */
  public EpochParams epochParams(int ownerUid, long lastEpochBlock) {
    return EpochParams.DEFAULTS.toBuilder()
        .tempo(tempo)
        .maxAllowedValidators(maxValidators)
        .activityCutoffBlocks(activityCutoff)
        .kappa(kappa)
        .bondsPenalty(bondsPenalty)
        .bondsMovingAverage(bondsMovingAverage)
        .yuma3(yuma3)
        .liquidAlpha(liquidAlpha)
        .alphaLow(alphaLow)
        .alphaHigh(alphaHigh)
        .stakeThreshold(weightsPolicy.stakeThreshold())
        .ownerUid(ownerUid)
        .lastEpochBlock(lastEpochBlock)
        .build();
  }

  private static void requireRange(String name, long v, long min, long max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + v);
    }
  }

  /** Parses a value and stores it in a draft. */
  private interface Setter {
    void set(Draft draft, String name, String value);
  }

  private static Setter number(ObjLongConsumer<Draft> field) {
    return (draft, name, value) -> field.accept(draft, parseNonNegative(name, value));
  }

  private static Setter integer(ObjIntConsumer<Draft> field) {
    return (draft, name, value) -> {
      long v = parseNonNegative(name, value);
      if (v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " is out of range: " + v);
      }
      field.accept(draft, (int) v);
    };
  }

  private static Setter flag(DraftFlag field) {
    return (draft, name, value) -> {
      switch (value) {
        case "true", "1" -> field.set(draft, true);
        case "false", "0" -> field.set(draft, false);
        default -> throw new IllegalArgumentException(name + " needs true or false, got '" + value + "'");
      }
    };
  }

  /** Stores a switch in a draft. */
  private interface DraftFlag {
    void set(Draft draft, boolean value);
  }

  private static long parseNonNegative(String name, String value) {
    long v;
    try {
      v = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'", e);
    }
    if (v < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + v);
    }
    return v;
  }

  /** A mutable copy that one named change is written into before it is validated as a whole. */
  private static final class Draft {
    private int tempo;
    private int maxUids;
    private long immunityPeriod;
    private int maxValidators;
    private long activityCutoff;
    private int kappa;
    private int bondsPenalty;
    private long bondsMovingAverage;
    private boolean yuma3;
    private boolean liquidAlpha;
    private int alphaLow;
    private int alphaHigh;
    private long rateLimit;
    private int minAllowedWeights;
    private long stakeThreshold;
    private boolean commitReveal;
    private long revealDelay;
    private long revealWindowBlocks;
    private long burn;
    private long minBurn;
    private long maxBurn;

    private Draft(SubnetHyperparameters p) {
      tempo = p.tempo;
      maxUids = p.maxUids;
      immunityPeriod = p.immunityPeriod;
      maxValidators = p.maxValidators;
      activityCutoff = p.activityCutoff;
      kappa = p.kappa;
      bondsPenalty = p.bondsPenalty;
      bondsMovingAverage = p.bondsMovingAverage;
      yuma3 = p.yuma3;
      liquidAlpha = p.liquidAlpha;
      alphaLow = p.alphaLow;
      alphaHigh = p.alphaHigh;
      rateLimit = p.weightsPolicy.rateLimitBlocks();
      minAllowedWeights = p.weightsPolicy.minAllowedWeights();
      stakeThreshold = p.weightsPolicy.stakeThreshold();
      commitReveal = p.commitReveal;
      revealDelay = p.revealWindow.delayBlocks();
      revealWindowBlocks = p.revealWindow.windowBlocks();
      burn = p.burn;
      minBurn = p.minBurn;
      maxBurn = p.maxBurn;
    }

    private SubnetHyperparameters build() {
      if (revealWindowBlocks < 1) {
        throw new IllegalArgumentException("commit_reveal_window must be at least 1 block");
      }
      return new SubnetHyperparameters(
          tempo,
          maxUids,
          immunityPeriod,
          maxValidators,
          activityCutoff,
          kappa,
          bondsPenalty,
          bondsMovingAverage,
          yuma3,
          liquidAlpha,
          alphaLow,
          alphaHigh,
          new WeightsPolicy(rateLimit, minAllowedWeights, stakeThreshold),
          commitReveal,
          new CommitRevealWindow(revealDelay, revealWindowBlocks),
          burn,
          minBurn,
          maxBurn);
    }
  }
}
