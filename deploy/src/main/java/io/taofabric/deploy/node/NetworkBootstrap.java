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
import io.taofabric.core.wallet.ExistingKey;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.core.wallet.Wallets;
import io.taofabric.deploy.cli.WalletsRoot;
import io.taofabric.deploy.gateway.QueryKeys;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * Populates a running network with demonstration subnets, the way their users would: each owner is
 * funded from genesis, pays a subnet's lock, shortens its tempo and weights rate limit, and a few
 * validators (each staked) and miners register, each paying the burn. Every hotkey is the public key
 * of an Ed25519 key derived from its label ({@link DemoKeys}), the key the Aeron wire signs with;
 * coldkeys stay readable names. Every step has a fixed idempotency key and the keys are derived
 * again alike, so running it again (a restarted bootstrap node) repeats nothing.
 *
 * <p>Odd netuids forecast, even ones classify digits ({@link DemoKind}). Each miner really serves:
 * an Aeron endpoint on this node runs a model of its own (forecasters or Tribuo classifiers of
 * different quality, and one lazy miner) and is announced to its subnet. Each validator is a
 * started {@code ValidatorEntity}: {@link #recordScores} reads its subnet's metagraph, lets the
 * miners admit the validators it permits, plays each validator's round over Aeron against the
 * endpoints it lists, and hands each entity its scores; the entity's own loop turns them into
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

  /**
   * The demonstration network's faucet: a coldkey funded at genesis whose key, like every demo key,
   * derives from a public label, so that a new user's wallet can be given TAO by a transfer.
   */
  static final String FAUCET_WALLET = "demo-faucet";

  /** The faucet wallet's password; it protects nothing, since anyone can derive the key. */
  static final String FAUCET_PASSWORD = "faucet";

  private static final long FAUCET_TAO = 100_000 * TAO;

  private final ActorSystem<?> system;
  private final NodeEntities network;
  private DemoQueries queries;

  /** Bootstraps through {@code network}'s entities, asking from {@code system}. */
  public NetworkBootstrap(ActorSystem<?> system, NodeEntities network) {
    this.system = system;
    this.network = network;
  }

  /**
   * A demonstration subnet: its netuid, kind, validator hotkeys and miners, miner 0 serving the
   * kind's best model.
   */
  public record DemoSubnet(int netuid, DemoKind kind, List<String> validators, List<DemoMiner> miners) {
    public DemoSubnet {
      validators = List.copyOf(validators);
      miners = List.copyOf(miners);
    }

    /** One line for people: the subnet, its kind, its validators, and each miner's model and hotkey. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "subnet %d (%s): validators %s; miners %s",
          netuid,
          kind.name().toLowerCase(Locale.ROOT),
          validators.stream().map(NetworkBootstrap::shortKey).collect(Collectors.joining(", ")),
          miners.stream().map(m -> m.model() + " " + shortKey(m.hotkey())).collect(Collectors.joining(", ")));
    }

    /**
     * The emission {@code metagraph} (this subnet's) shows paid so far: the stake beyond what the
     * bootstrap staked, since every epoch pays its emission as stake on the hotkeys.
     */
    public long emissionPaid(Metagraph metagraph) {
      return metagraph.neurons().stream().mapToLong(Metagraph.Row::stake).sum() - validators.size() * VALIDATOR_STAKE;
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

  /**
   * Creates (or finds again) {@code subnets} subnets with {@code validators} validators and {@code
   * miners} miners each.
   */
  public List<DemoSubnet> populate(int subnets, int miners, int validators) throws Exception {
    fund(faucetKey().hotkey(), FAUCET_TAO);
    List<DemoSubnet> created = new ArrayList<>();
    for (int s = 0; s < subnets; s++) {
      created.add(populateOne(s, miners, validators));
    }
    return created;
  }

  /**
   * The first {@code perSubnet} demonstration validators' keys of each subnet, derived from their
   * public labels ({@link DemoKeys}) once per subnet: what a gateway of the demonstration network
   * signs client queries with, since miners answer permit holders only.
   */
  public static QueryKeys validatorQueryKeys(int perSubnet) {
    Map<Integer, List<SigningKey>> derived = new ConcurrentHashMap<>();
    return netuid ->
        derived.computeIfAbsent(
            netuid, n -> IntStream.range(0, perSubnet).mapToObj(v -> DemoKeys.of(validatorLabel(n, v))).toList());
  }

  /** The label validator {@code v} of subnet {@code netuid} derives its key from ({@link DemoKeys}). */
  static String validatorLabel(int netuid, int v) {
    return "validator-" + netuid + "-" + v;
  }

  private DemoSubnet populateOne(int index, int minerCount, int validatorCount) throws Exception {
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
    List<SigningKey> validatorKeys = new ArrayList<>();
    for (int v = 0; v < validatorCount; v++) {
      String label = validatorLabel(netuid, v);
      SigningKey key = DemoKeys.of(label);
      fund(label + ".cold", 200 * TAO);
      register(netuid, key.hotkey(), label);
      success(
          network.network().subnet(netuid).<StatusReply<Done>>ask(
                  replyTo -> new SubnetEntity.Stake(key.hotkey(), label + ".cold", VALIDATOR_STAKE, "bootstrap-stake-" + label, replyTo),
                  ASK)
              .toCompletableFuture()
              .get(),
          "stake of " + label);
      validatorKeys.add(key);
    }
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
    List<DemoQueries.ServedMiner> served = queries.serve(netuid, kind, validatorKeys, minerKeys);
    List<DemoMiner> miners = new ArrayList<>();
    for (int m = 0; m < minerCount; m++) {
      String hotkey = minerKeys.get(m).hotkey();
      announce(netuid, hotkey, served.get(m).endpoint());
      miners.add(new DemoMiner(hotkey, served.get(m).model()));
    }
    List<String> validators = new ArrayList<>();
    for (SigningKey key : validatorKeys) {
      network.network().validator(netuid, key.hotkey()).tell(new ValidatorEntity.Start(netuid));
      validators.add(key.hotkey());
    }
    return new DemoSubnet(netuid, kind, validators, miners);
  }

  /**
   * One query round per validator of {@code subnets}: each subnet's metagraph is read, the miners
   * admit the validators it permits, and each validator holding a permit asks the miners it lists
   * over Aeron and is told their scores. A subnet or validator whose shard is moving misses the
   * round; the next one tells it again. Returns the metagraphs read, one per subnet that answered.
   */
  public List<Metagraph> recordScores(List<DemoSubnet> subnets) {
    List<Metagraph> read = new ArrayList<>();
    for (DemoSubnet subnet : subnets) {
      try {
        Metagraph metagraph = metagraph(subnet.netuid());
        read.add(metagraph);
        for (Map.Entry<String, Map<String, Double>> scores : queries.play(metagraph).entrySet()) {
          network.network().validator(subnet.netuid(), scores.getKey())
              .<StatusReply<Done>>ask(replyTo -> new ValidatorEntity.RecordScores(scores.getValue(), replyTo), ASK)
              .toCompletableFuture()
              .get(ASK.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (ExecutionException | TimeoutException e) {
        // unreachable for now (a node down, a shard moving): the next round tells it again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return read;
      }
    }
    return read;
  }

  /**
   * Populates the network with one validator and {@code miners} miners per subnet, then plays a
   * query round per validator every {@code round} until {@code stopped} is set, printing a line to
   * {@code out} for each epoch a subnet runs, and closes the bootstrap. Meant for a thread of its
   * own on the bootstrapping node.
   */
  public void run(int subnets, int miners, Duration round, BooleanSupplier stopped, PrintWriter out) throws Exception {
    try {
      List<DemoSubnet> demo = populate(subnets, miners, 1);
      for (DemoSubnet subnet : demo) {
        out.println("bootstrapped " + subnet.describe());
      }
      out.println(faucetWallet(new Wallets(WalletsRoot.DEFAULT)));
      out.flush();
      Map<Integer, Long> reported = new HashMap<>();
      play(demo, round, stopped, metagraphs -> reportEpochs(demo, metagraphs, reported, out));
    } finally {
      close();
    }
  }

  /**
   * Plays a query round per validator of {@code demo} every {@code round} until {@code stopped} is
   * set, handing each round's metagraphs ({@link #recordScores}) to {@code observer}.
   */
  public void play(List<DemoSubnet> demo, Duration round, BooleanSupplier stopped, Consumer<List<Metagraph>> observer)
      throws InterruptedException {
    while (!stopped.getAsBoolean()) {
      observer.accept(recordScores(demo));
      TimeUnit.MILLISECONDS.sleep(round.toMillis());
    }
  }

  private static void reportEpochs(List<DemoSubnet> demo, List<Metagraph> metagraphs, Map<Integer, Long> reported, PrintWriter out) {
    for (Metagraph m : metagraphs) {
      if (m.epochs() > reported.getOrDefault(m.netuid(), 0L)) {
        reported.put(m.netuid(), m.epochs());
        DemoSubnet subnet = demo.stream().filter(s -> s.netuid() == m.netuid()).findFirst().orElseThrow();
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
            shortKey(top.hotkey()),
            top.incentive() / 65_535.0);
        out.flush();
      }
    }
  }

  /** The faucet's coldkey. */
  static SigningKey faucetKey() {
    return DemoKeys.of(FAUCET_WALLET);
  }

  /**
   * Writes the faucet's wallet into {@code wallets} unless it is there already, so that {@code
   * fabric wallet transfer --wallet demo-faucet} can fund a new user; returns a line saying so, or
   * why not.
   */
  public static String faucetWallet(Wallets wallets) {
    SigningKey faucet = faucetKey();
    try {
      if (!wallets.names().contains(FAUCET_WALLET)) {
        wallets.create(FAUCET_WALLET, faucet, FAUCET_PASSWORD.toCharArray(), ExistingKey.REFUSE);
      } else if (!wallets.open(FAUCET_WALLET).coldkeyPublic().equals(faucet.hotkey())) {
        return "faucet: wallet " + FAUCET_WALLET + " in " + wallets.root() + " holds another key, left as it is";
      }
    } catch (WalletException e) {
      return "faucet: cannot write wallet " + FAUCET_WALLET + " in " + wallets.root() + ": " + e.getMessage();
    }
    return "faucet: wallet " + FAUCET_WALLET + " in " + wallets.root() + " holds " + FAUCET_TAO / TAO + " TAO (password '"
        + FAUCET_PASSWORD + "'): fabric wallet transfer --wallet " + FAUCET_WALLET + " --to COLDKEY --amount TAO";
  }

  /** The first 8 hex digits of {@code hotkey}: enough to tell a demonstration network's keys apart. */
  public static String shortKey(String hotkey) {
    return hotkey.substring(0, Math.min(8, hotkey.length()));
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
