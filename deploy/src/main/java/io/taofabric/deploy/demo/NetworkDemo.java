package io.taofabric.deploy.demo;

import static io.taofabric.deploy.Failures.rootMessage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.wallet.Wallets;
import io.taofabric.deploy.gateway.Gateway;
import io.taofabric.deploy.gateway.GatewaySettings;
import io.taofabric.deploy.node.FabricNode;
import io.taofabric.deploy.node.NetworkBootstrap;
import io.taofabric.deploy.node.NetworkBootstrap.DemoSubnet;
import io.taofabric.deploy.node.NodeEntities;
import io.taofabric.deploy.node.NodeSettings;
import io.taofabric.persistence.cassandra.CassandraSettings;
import io.taofabric.persistence.cassandra.LocalCassandra;
import io.taofabric.persistence.ledger.LedgerJournal;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import io.taofabric.sharding.NetworkSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code fabric demo}: a whole network on this machine, as a user first meets it. It starts the
 * local Cassandra node unless a node already serves the configured CQL port, empties the demo's
 * own keyspace, starts one cluster node in this JVM with a fast block clock, creates the subnets
 * and registers their validators and miners through {@link NetworkBootstrap} (real models served
 * over Aeron), and plays the validators' rounds while every subnet runs its epochs. Then it prints
 * each subnet's metagraph and the ledger's audit, and stops what it started, last started first:
 * when it ends, when it fails, and on Ctrl-C.
 */
final class NetworkDemo {
  /** Exit status when the demo failed, or the ledger's audit found an invariant broken. */
  static final int FAILED = 1;

  /** Exit status when Ctrl-C stopped the demo before its end (as a shell reports SIGINT). */
  static final int INTERRUPTED = 130;

  /** Its own system name, so the demo's node never joins (or is joined by) a user's network. */
  private static final String SYSTEM_NAME = "taofabric-demo";

  private static final Duration ROUND = Duration.ofMillis(500);
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration AUDIT_PATIENCE = Duration.ofSeconds(60);
  private static final Duration STOP_PATIENCE = Duration.ofMinutes(2);

  /**
   * What a demo runs: its subnets, per subnet its miners and validators, and how many epochs each
   * subnet runs once populated. Each message names the option that is out of range.
   */
  record Shape(int subnets, int miners, int validators, int epochs) {
    /** The demo network's {@code max-subnets} (deploy's reference.conf, {@code taofabric.demo.network}). */
    static final int MAX_SUBNETS = 8;

    static final int MAX_MINERS = 32;
    static final int MAX_VALIDATORS = 8;
    static final int MAX_EPOCHS = 10_000;

    Shape {
      require("--subnets", subnets, MAX_SUBNETS);
      require("--miners", miners, MAX_MINERS);
      require("--validators", validators, MAX_VALIDATORS);
      require("--epochs", epochs, MAX_EPOCHS);
    }

    private static void require(String option, int value, int max) {
      if (value < 1 || value > max) {
        throw new IllegalArgumentException(option + " must be from 1 to " + max + ", got " + value);
      }
    }
  }

  private final Shape shape;
  private final boolean keepRunning;
  private final Wallets faucetWallets;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private DemoProgress progress;
  private final SortedMap<Integer, Metagraph> latest = new TreeMap<>();
  private final Map<Integer, Long> startEpochs = new TreeMap<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopRequested;
  private boolean tearingDown;

  private LocalCassandra cassandra;
  private boolean ownCassandra;
  private FabricNode<NodeEntities> node;
  private NetworkBootstrap bootstrap;
  private List<DemoSubnet> subnets = List.of();

  /**
   * A demo of {@code shape}, printing to {@code out} (a terminal or not) and {@code err}; kept
   * running, it writes the faucet wallet into {@code faucetWallets}.
   */
  NetworkDemo(Shape shape, boolean keepRunning, Wallets faucetWallets, PrintWriter out, PrintWriter err, boolean terminal) {
    this.shape = shape;
    this.keepRunning = keepRunning;
    this.faucetWallets = faucetWallets;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.progress = new DemoProgress(out, terminal, OptionalInt.of(shape.epochs()));
  }

  /**
   * Runs the demo and stops everything it started; returns the exit status. On Ctrl-C (a JVM
   * shutdown) a hook interrupts the run and waits until everything is stopped.
   */
  int run() {
    long start = System.nanoTime();
    Thread runner = Thread.currentThread();
    Thread hook = new Thread(() -> requestStop(runner), "demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    int status;
    try {
      status = runNetwork();
    } catch (InterruptedException e) {
      status = INTERRUPTED;
    } catch (Exception e) {
      status = stopRequested ? INTERRUPTED : FAILED;
      if (!stopRequested) {
        progress.finish();
        err.println("fabric demo: " + rootMessage(e));
        err.flush();
      }
    } finally {
      synchronized (this) {
        tearingDown = true;
      }
      // the stop must wait for what it stops, whatever interrupted the run
      Thread.interrupted();
      progress.finish();
      tearDown();
      say(String.format(Locale.ROOT, "demo: ended after %d s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is the one waiting for this stop
      }
    }
    return status;
  }

  private int runNetwork() throws Exception {
    Config root = ConfigFactory.load();
    Config demo = root.getConfig("taofabric.demo");
    // the demo's fast clock over taofabric.network's defaults, and a user's -D keys over both
    Config config =
        ConfigFactory.systemProperties().withFallback(demo.getConfig("network").atPath("taofabric.network")).withFallback(root);
    int cqlPort = startCassandra(CassandraSettings.from(config));
    LedgerStoreSettings ledger = LedgerStoreSettings.from(config);
    LedgerStoreSettings store =
        new LedgerStoreSettings(
            List.of(LocalCassandra.HOST + ":" + cqlPort), ledger.datacenter(), demo.getString("keyspace"), 1, true);
    LedgerJournal.drop(store);
    say("journal: keyspace " + store.keyspace() + " on " + LocalCassandra.HOST + ":" + cqlPort + ", emptied for this run");
    startNode(store, config);
    bootstrap = new NetworkBootstrap(node.system(), node.entities());
    subnets = bootstrap.populate(shape.subnets(), shape.miners(), shape.validators());
    for (DemoSubnet subnet : subnets) {
      say(subnet.describe());
      startEpochs.put(subnet.netuid(), bootstrap.metagraph(subnet.netuid()).epochs());
    }
    say(String.format(Locale.ROOT, "demo: %s per subnet, one every %d blocks", epochs(shape.epochs()), NetworkBootstrap.TEMPO + 1));
    bootstrap.play(subnets, ROUND, () -> stopRequested || ranEpochs(), this::observe);
    if (stopRequested) {
      return INTERRUPTED;
    }
    progress.finish();
    Map<Integer, Metagraph> ran = new TreeMap<>();
    for (DemoSubnet subnet : subnets) {
      ran.put(subnet.netuid(), bootstrap.metagraph(subnet.netuid()));
    }
    LedgerSummary summary = audit(store, ran);
    for (DemoSubnet subnet : subnets) {
      out.println();
      SubnetTable.print(out, subnet, ran.get(subnet.netuid()));
    }
    out.println();
    say(settledLine(summary));
    say(summary.line());
    if (keepRunning) {
      serveGateway(config);
      say(NetworkBootstrap.faucetWallet(faucetWallets));
      say("demo: the network keeps running; Ctrl-C stops it");
      keepPlaying();
    }
    return summary.invariantsHold() ? 0 : FAILED;
  }

  /** Starts the local node unless one serves the CQL port; returns the port the journal is on. */
  private int startCassandra(CassandraSettings settings) {
    cassandra = new LocalCassandra(settings).inOwnSession();
    if (cassandra.cqlAccepting()) {
      say("cassandra: using the node on " + LocalCassandra.HOST + ":" + settings.cqlPort() + ", which keeps running afterwards");
      return settings.cqlPort();
    }
    // a start interrupted midway leaves a node behind: it is this demo's to stop
    ownCassandra = !cassandra.status().running();
    LocalCassandra.Started started = cassandra.start();
    ownCassandra = !started.alreadyRunning();
    say("cassandra: " + started.describe());
    return started.status().cqlPort();
  }

  private void startNode(LedgerStoreSettings store, Config config) throws Exception {
    Config base =
        store.pekkoConfig()
            .withFallback(
                ConfigFactory.parseString(
                    String.join(
                        "\n",
                        // this demo stops its node itself, after the query path, rather than Pekko's
                        // own JVM shutdown hook stopping it under a round in flight
                        "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off",
                        // the only node's shards have nowhere to go, and the block clock's ticks,
                        // which run until the node leaves, can keep its regions waiting for a home
                        // for them until this timeout (10 s by default)
                        "pekko.coordinated-shutdown.phases.cluster-sharding-shutdown-region.timeout = 2s")))
            .withFallback(config);
    node = FabricNode.start(SYSTEM_NAME, NodeSettings.from(config).aloneOnLoopback(), base);
    node.up().toCompletableFuture().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    say("node: " + node.address() + " up, a block every " + NetworkSettings.from(config).blockInterval().toMillis() + " ms");
  }

  /**
   * Serves the node's gateway (taofabric.gateway, port 7700 by default), signing client queries as
   * the demonstration validators, so that the fabric commands (wallet, stake, subnet, miner) work
   * against the running demo; a port in use is reported and the demo runs on without one.
   */
  private void serveGateway(Config config) throws InterruptedException {
    NodeSettings alone = NodeSettings.from(config).aloneOnLoopback();
    GatewaySettings settings = GatewaySettings.from(config, alone);
    try {
      Gateway gateway =
          Gateway.start(node.system(), node.entities(), alone.host(), settings, NetworkBootstrap.validatorQueryKeys(shape.validators()))
              .toCompletableFuture()
              .get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      say("gateway: " + gateway.url() + " (fabric wallet|stake|subnet|miner --gateway " + gateway.url() + ")");
    } catch (ExecutionException | TimeoutException e) {
      err.println("fabric demo: no gateway on port " + settings.port() + ": " + rootMessage(e));
      err.flush();
    }
  }

  /** Takes in a round's metagraphs and shows the progress. */
  private void observe(List<Metagraph> metagraphs) {
    for (Metagraph m : metagraphs) {
      latest.put(m.netuid(), m);
    }
    long block = 0;
    long paid = 0;
    SortedMap<Integer, Long> done = new TreeMap<>();
    for (DemoSubnet subnet : subnets) {
      Metagraph m = latest.get(subnet.netuid());
      if (m != null) {
        block = Math.max(block, m.block());
        paid += subnet.emissionPaid(m);
        done.put(subnet.netuid(), m.epochs() - startEpochs.get(subnet.netuid()));
      }
    }
    progress.show(block, done, paid);
  }

  /** Whether every subnet has run the epochs asked for since it was populated. */
  private boolean ranEpochs() {
    for (DemoSubnet subnet : subnets) {
      Metagraph m = latest.get(subnet.netuid());
      if (m == null || m.epochs() - startEpochs.get(subnet.netuid()) < shape.epochs()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Replays the ledger until it shows every epoch of {@code ran} settled and credited with the
   * invariants holding, or the patience runs out. The network runs on meanwhile, so a scan can meet
   * an epoch half settled (its credits in flight, or a credit the scan reached before its
   * settlement) that the next scan finds whole; a broken invariant that stays is reported as it is.
   */
  private LedgerSummary audit(LedgerStoreSettings store, Map<Integer, Metagraph> ran) throws Exception {
    long deadline = System.nanoTime() + AUDIT_PATIENCE.toNanos();
    while (true) {
      LedgerSummary summary =
          LedgerJournal.replayCassandra(store, node.system(), Long.MAX_VALUE)
              .toCompletableFuture()
              .get(AUDIT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      boolean whole =
          summary.invariantsHold()
              && summary.inFlight() == 0
              && ran.values().stream().allMatch(m -> summary.settledEpochs().getOrDefault(m.netuid(), 0L) >= m.epochs());
      if (whole || System.nanoTime() > deadline) {
        return summary;
      }
      TimeUnit.MILLISECONDS.sleep(ROUND.toMillis());
    }
  }

  /** {@code ledger: subnet 1 settled 7 epochs, subnet 2 settled 7 epochs}. */
  static String settledLine(LedgerSummary summary) {
    return "ledger: "
        + summary.settledEpochs().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> "subnet " + e.getKey() + " settled " + epochs(e.getValue()))
            .collect(Collectors.joining(", "));
  }

  /** {@code 1 epoch}, {@code 5 epochs}. */
  static String epochs(long count) {
    return count + (count == 1 ? " epoch" : " epochs");
  }

  /** Plays rounds with the progress line, counting epochs on, until Ctrl-C. */
  private void keepPlaying() {
    progress = new DemoProgress(out, terminal, OptionalInt.empty());
    try {
      bootstrap.play(subnets, ROUND, () -> stopRequested, this::observe);
    } catch (InterruptedException e) {
      // Ctrl-C: the end of a network kept running
    }
  }

  /** The shutdown hook: interrupts a run not yet stopping, and waits until everything is stopped. */
  private void requestStop(Thread runner) {
    synchronized (this) {
      stopRequested = true;
      if (!tearingDown) {
        runner.interrupt();
      }
    }
    try {
      stopped.await(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops, last started first, what this demo started: the query path and its driver, the node, Cassandra. */
  private void tearDown() {
    List<String> stoppedParts = new ArrayList<>();
    if (bootstrap != null) {
      bootstrap.close();
      stoppedParts.add("the miners, the validators' rounds and the Aeron driver");
    }
    if (node != null) {
      try {
        node.close();
        stoppedParts.add("the node");
      } catch (Exception e) {
        err.println("fabric demo: the node did not stop: " + rootMessage(e));
      }
    }
    if (!stoppedParts.isEmpty()) {
      say("demo: stopped " + String.join(", then ", stoppedParts));
    }
    if (ownCassandra) {
      try {
        LocalCassandra.Stopped stoppedNode = cassandra.stop();
        if (stoppedNode.pid().isPresent()) {
          say("cassandra: " + stoppedNode.describe());
        }
      } catch (RuntimeException e) {
        err.println("fabric demo: cassandra did not stop: " + rootMessage(e));
      }
    }
    err.flush();
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }
}
