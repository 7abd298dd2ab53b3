package io.taofabric.deploy.node;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.participant.MinerEntity;
import io.taofabric.actors.participant.ValidatorEntity;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.AccountCommand.CreditGenesis;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetCommand.SetHyperparameter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * Populates a running network with demonstration subnets, the way their users would: each owner is
 * funded from genesis, pays a subnet's lock, shortens its tempo and weights rate limit, and one
 * validator (staked) and a few miners register, each paying the burn. Every hotkey is the public key
 * of an Ed25519 key derived from its label ({@link DemoKeys}), the key the Aeron wire signs with;
 * coldkeys stay readable names. Every step has a fixed idempotency key and the keys are derived
 * again alike, so running it again (a restarted bootstrap node) repeats nothing.
 *
 * <p>Odd netuids forecast, even ones classify digits ({@link DemoKind}). Each miner really serves:
 * an Aeron endpoint on this node runs a model of its own (forecasters or Tribuo classifiers of
 * different quality, and one lazy miner) and is announced to its subnet. Each validator is a
 * started {@code ValidatorEntity}: {@link #recordScores} reads its subnet's metagraph, lets the
 * miners admit the validators it permits, plays the validator's round over Aeron against the
 * endpoints it lists, and hands the entity the scores; the entity's own loop turns them into
 * weights under the subnet's rate limit and commit–reveal rules. Close the bootstrap to stop the
 * endpoints and the media driver.
 */
public final class NetworkBootstrap implements AutoCloseable {
  private static final long TAO = BlockEmission.RAO_PER_TAO;
  private static final Duration ASK = Duration.ofSeconds(15);
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final long VALIDATOR_STAKE = 100 * TAO;

  /** Demonstration subnets' epoch length in blocks: short, so epochs come often on a fast clock. */
  public static final int TEMPO = 20;

  /** Blocks between two weights transactions of one validator in the demonstration subnets. */
  public static final int WEIGHTS_RATE_LIMIT = 5;

  private final ActorSystem<?> system;
  private final NodeEntities network;
  private DemoQueries queries;

  /** Bootstraps through {@code network}'s entities, asking from {@code system}. */
  public NetworkBootstrap(ActorSystem<?> system, NodeEntities network) {
    this.system = system;
    this.network = network;
  }

  /**
   * A demonstration subnet: its netuid, kind, validator hotkey and miners, miner 0 serving the
   * kind's best model.
   */
  public record DemoSubnet(int netuid, DemoKind kind, String validator, List<DemoMiner> miners) {
    public DemoSubnet {
      miners = List.copyOf(miners);
    }

    /** The model {@code hotkey} serves, or null when it is none of the subnet's miners. */
    public String modelOf(String hotkey) {
      for (DemoMiner miner : miners) {
        if (miner.hotkey().equals(hotkey)) {
          return miner.model();
        }
      }
      return null;
    }
  }

  /** A demonstration miner: its hotkey and the name of the model it serves. */
  public record DemoMiner(String hotkey, String model) {}

  /** Creates (or finds again) {@code subnets} subnets with one validator and {@code miners} miners each. */
  public List<DemoSubnet> populate(int subnets, int miners) throws Exception {
    List<DemoSubnet> created = new ArrayList<>();
    for (int s = 0; s < subnets; s++) {
      created.add(populateOne(s, miners));
    }
    return created;
  }

  private DemoSubnet populateOne(int index, int minerCount) throws Exception {
    String owner = "owner-" + index;
    fund(owner, 1_000 * TAO);
    String ownerHotkey = DemoKeys.of(owner + "-hot").hotkey();
    StatusReply<Integer> created =
        AskPattern.<SubnetRegistryEntity.Command, StatusReply<Integer>>ask(
                network.network().registry(),
                replyTo -> new SubnetRegistryEntity.CreateSubnet(owner, ownerHotkey, "bootstrap-lock-" + index, replyTo),
                ASK,
                system.scheduler())
            .toCompletableFuture()
            .get(1, TimeUnit.MINUTES);
    int netuid = success(created, "subnet of " + owner);
    Metagraph first = awaitCreated(netuid);
    for (String[] parameter :
        new String[][] {{"tempo", Integer.toString(TEMPO)}, {"weights_rate_limit", Integer.toString(WEIGHTS_RATE_LIMIT)}}) {
      success(execute(netuid, new SetHyperparameter(owner, parameter[0], parameter[1], first.block())), parameter[0]);
    }
    String validatorLabel = "validator-" + netuid;
    SigningKey validator = DemoKeys.of(validatorLabel);
    fund(validatorLabel + ".cold", 200 * TAO);
    register(netuid, validator.hotkey(), validatorLabel);
    success(
        network.network().subnet(netuid).<StatusReply<Done>>ask(
                replyTo ->
                    new SubnetEntity.Stake(
                        validator.hotkey(), validatorLabel + ".cold", VALIDATOR_STAKE, "bootstrap-stake-" + validatorLabel, replyTo),
                ASK)
            .toCompletableFuture()
            .get(),
        "stake of " + validatorLabel);
    List<SigningKey> minerKeys = new ArrayList<>();
    for (int m = 0; m < minerCount; m++) {
      String label = "miner-" + netuid + "-" + m;
      SigningKey key = DemoKeys.of(label);
      fund(label + ".cold", 10 * TAO);
      register(netuid, key.hotkey(), label);
      minerKeys.add(key);
    }
    if (queries == null) {
      queries = new DemoQueries();
    }
    DemoKind kind = DemoKind.of(netuid);
    List<DemoQueries.ServedMiner> served = queries.serve(netuid, kind, validator, minerKeys);
    List<DemoMiner> miners = new ArrayList<>();
    for (int m = 0; m < minerCount; m++) {
      String hotkey = minerKeys.get(m).hotkey();
      announce(netuid, hotkey, served.get(m).endpoint());
      miners.add(new DemoMiner(hotkey, served.get(m).model()));
    }
    network.network().validator(netuid, validator.hotkey()).tell(new ValidatorEntity.Start(netuid));
    return new DemoSubnet(netuid, kind, validator.hotkey(), miners);
  }

  /**
   * One query round per validator of {@code subnets}: its subnet's metagraph is read, the miners
   * admit the validators it permits, and a validator holding a permit asks the miners it lists over
   * Aeron and is told their scores. A subnet or validator whose shard is moving misses the round;
   * the next one tells it again.
   */
  public void recordScores(List<DemoSubnet> subnets) {
    for (DemoSubnet subnet : subnets) {
      try {
        Optional<Map<String, Double>> scores = queries.play(metagraph(subnet.netuid()));
        if (scores.isPresent()) {
          network.network().validator(subnet.netuid(), subnet.validator())
              .<StatusReply<Done>>ask(replyTo -> new ValidatorEntity.RecordScores(scores.get(), replyTo), ASK)
              .toCompletableFuture()
              .get(ASK.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (ExecutionException | TimeoutException e) {
        // unreachable for now (a node down, a shard moving): the next round tells it again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Populates the network, then plays a query round per validator every {@code round} until
   * {@code stopped} is set, printing a line to {@code out} for each epoch a subnet runs, and closes
   * the bootstrap. Meant for a thread of its own on the bootstrapping node.
   */
  public void run(int subnets, int miners, Duration round, BooleanSupplier stopped, PrintWriter out) throws Exception {
    try {
      play(populate(subnets, miners), round, stopped, out);
    } finally {
      close();
    }
  }

  private void play(List<DemoSubnet> demo, Duration round, BooleanSupplier stopped, PrintWriter out)
      throws InterruptedException {
    for (DemoSubnet subnet : demo) {
      out.printf(
          Locale.ROOT,
          "bootstrapped subnet %d (%s): validator %s, miners %s%n",
          subnet.netuid(),
          subnet.kind().name().toLowerCase(Locale.ROOT),
          subnet.validator().substring(0, 8),
          subnet.miners().stream().map(m -> m.model() + " " + m.hotkey().substring(0, 8)).collect(Collectors.joining(", ")));
    }
    out.flush();
    Map<Integer, Long> reported = new HashMap<>();
    while (!stopped.getAsBoolean()) {
      recordScores(demo);
      for (DemoSubnet subnet : demo) {
        reportEpoch(subnet, reported, out);
      }
      TimeUnit.MILLISECONDS.sleep(round.toMillis());
    }
  }

  private void reportEpoch(DemoSubnet subnet, Map<Integer, Long> reported, PrintWriter out) throws InterruptedException {
    Metagraph m;
    try {
      m = metagraph(subnet.netuid());
    } catch (ExecutionException | TimeoutException e) {
      return;
    }
    if (m.epochs() > reported.getOrDefault(subnet.netuid(), 0L)) {
      reported.put(subnet.netuid(), m.epochs());
      long paid = m.neurons().stream().mapToLong(Metagraph.Row::emission).sum();
      Metagraph.Row top = m.neurons().stream().max(Comparator.comparingInt(Metagraph.Row::incentive)).orElseThrow();
      String model = subnet.modelOf(top.hotkey());
      out.printf(
          Locale.ROOT,
          "block %d: subnet %d (%s) epoch %d paid %.9f TAO, top incentive %s %s (%.4f)%n",
          m.block(),
          m.netuid(),
          subnet.kind().name().toLowerCase(Locale.ROOT),
          m.epochs() - 1,
          paid / (double) TAO,
          model == null ? "no miner" : model,
          top.hotkey().substring(0, 8),
          top.incentive() / 65_535.0);
      out.flush();
    }
  }

  /** Stops the miners' endpoints, the validators' rounds and the media driver. */
  @Override
  public void close() {
    if (queries != null) {
      queries.close();
      queries = null;
    }
  }

  /** The query path: the miners' endpoints and the validators' rounds, once populated. */
  DemoQueries queries() {
    return queries;
  }

  /** The metagraph of {@code netuid}. */
  public Metagraph metagraph(int netuid) throws ExecutionException, InterruptedException, TimeoutException {
    return network.network().subnet(netuid).<Metagraph>ask(SubnetEntity.GetMetagraph::new, ASK)
        .toCompletableFuture()
        .get(ASK.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Metagraph awaitCreated(int netuid) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Metagraph m = metagraph(netuid);
        if (m.ownerColdkey() != null) {
          return m;
        }
      } catch (ExecutionException | TimeoutException e) {
        // the subnet's shard is starting
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException("subnet " + netuid + " was not created within " + PATIENCE + ": is the block clock running?");
  }

  /** Registers {@code hotkey} with the coldkey {@code label.cold}, paid from it. */
  private void register(int netuid, String hotkey, String label) throws Exception {
    StatusReply<Integer> uid =
        network.network().subnet(netuid).<StatusReply<Integer>>ask(
                replyTo -> new SubnetEntity.RegisterNeuron(hotkey, label + ".cold", "bootstrap-register-" + label, replyTo),
                ASK)
            .toCompletableFuture()
            .get();
    success(uid, "registration of " + label);
  }

  private void announce(int netuid, String miner, String endpoint) throws Exception {
    success(
        network.network().miner(netuid, miner)
            .<StatusReply<Done>>ask(replyTo -> new MinerEntity.Serve(endpoint, replyTo), ASK)
            .toCompletableFuture()
            .get(),
        "endpoint of miner " + miner.substring(0, 8));
  }

  private StatusReply<Done> execute(int netuid, SubnetCommand.Direct command)
      throws ExecutionException, InterruptedException, TimeoutException {
    return network.network().subnet(netuid).<StatusReply<Done>>ask(replyTo -> new SubnetEntity.Execute(command, replyTo), ASK)
        .toCompletableFuture()
        .get(ASK.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void fund(String coldkey, long rao) throws Exception {
    success(
        network.ledger().account(coldkey)
            .<StatusReply<AccountEntity.Balance>>ask(
                replyTo -> new AccountEntity.Execute(new CreditGenesis("genesis-" + coldkey, rao, 0), replyTo), ASK)
            .toCompletableFuture()
            .get(),
        "genesis of " + coldkey);
  }

  private static <T> T success(StatusReply<T> reply, String what) {
    if (reply.isError()) {
      throw new IllegalStateException(what + " refused: " + reply.getError().getMessage());
    }
    return reply.getValue();
  }
}
