package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.persistence.ledger.LedgerJournal;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import io.taofabric.sharding.LedgerSharding;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The network as a three-node cluster on the build's real Cassandra node: two nodes in this JVM
 * and one started as its own JVM with {@code fabric node}, exactly as a user starts one. Three
 * subnets run epochs on a fast clock while their validators set weights; the separate node is
 * killed (SIGKILL) mid-run, its shards move to the survivors and the epochs go on; it is started
 * again and rejoins. At the end the ledger replay finds every epoch each subnet ran settled
 * exactly once, with no gap, every credit applied, and the invariants holding.
 */
@Timeout(900)
class NetworkClusterIT {
  private static final String HOST = "127.0.0.1";
  private static final long TAO = BlockEmission.RAO_PER_TAO;
  private static final int CASSANDRA = Integer.getInteger("taofabric.it.cassandra.port", 19042);
  private static final String KEYSPACE = "network_it_" + Long.toString(System.currentTimeMillis(), 36);
  private static final LedgerStoreSettings STORE =
      new LedgerStoreSettings(List.of(HOST + ":" + CASSANDRA), "datacenter1", KEYSPACE, 1, true);
  private static final int SUBNETS = 3;
  private static final int MINERS = 3;
  private static final Duration ASK = Duration.ofSeconds(15);
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  /** What every node, in this JVM or not, runs with besides its address. */
  private static final Map<String, String> NETWORK =
      Map.of(
          "taofabric.ledger.keyspace", KEYSPACE,
          "taofabric.network.block-interval", "100ms",
          "taofabric.network.max-subnets", "8",
          "taofabric.network.min-lock-cost-rao", Long.toString(TAO),
          "taofabric.network.retry-after", "500ms",
          "taofabric.network.validator.loop-interval", "300ms",
          "taofabric.node.number-of-shards", "30",
          "taofabric.node.split-brain-stable-after", "3s");

  private final List<FabricNode<NodeEntities>> nodes = new ArrayList<>();
  private Process separate;

  @AfterEach
  void stopEverything() throws Exception {
    if (separate != null && separate.isAlive()) {
      separate.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    for (FabricNode<NodeEntities> node : nodes) {
      node.close();
    }
  }

  @Test
  void shouldSettleEveryEpochExactlyOnceThroughANodeKilledAndRestarted() throws Exception {
    int[] ports = freePorts(3);
    String seed = HOST + ":" + ports[0];
    FabricNode<NodeEntities> first = startHere(ports[0], List.of(seed));
    await("the seed node is up", () -> first.up().toCompletableFuture().isDone());
    FabricNode<NodeEntities> second = startHere(ports[1], List.of(seed));
    separate = startSeparate(ports[2], seed);
    await("three nodes are up", () -> upMembers(first) == 3);

    NetworkBootstrap network = new NetworkBootstrap(first.system(), first.entities());
    List<NetworkBootstrap.DemoSubnet> subnets = network.populate(SUBNETS, MINERS);
    List<Integer> netuids = subnets.stream().map(NetworkBootstrap.DemoSubnet::netuid).toList();

    AtomicBoolean driving = new AtomicBoolean(true);
    Thread validatorsLoop =
        new Thread(
            () -> {
              while (driving.get()) {
                network.recordScores(subnets);
                sleep(Duration.ofMillis(300));
              }
            },
            "validators");
    validatorsLoop.start();
    try {
      long before = awaitEpochs(network, netuids, 3);
      long killed = System.nanoTime();
      separate.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      await("the killed node is removed", () -> upMembers(first) == 2 && allMembers(first) == 2);
      report("node killed after epoch " + before + " of the slowest subnet; removed after " + secondsSince(killed) + " s");
      long during = awaitEpochs(network, netuids, before + 3);
      report("every subnet reached epoch " + during + " on two nodes, " + secondsSince(killed) + " s after the kill");
      separate = startSeparate(ports[2], seed);
      await("the restarted node rejoins", () -> upMembers(first) == 3);
      report("the node rejoined " + secondsSince(killed) + " s after the kill");
      awaitEpochs(network, netuids, during + 2);
    } finally {
      driving.set(false);
      validatorsLoop.join();
    }
    Map<Integer, Long> ran = new HashMap<>();
    for (int netuid : netuids) {
      awaitCredited(first.entities().ledger(), netuid);
      ran.put(netuid, network.metagraph(netuid).epochs());
    }
    assertTrue(second.up().toCompletableFuture().isDone());

    network.close();
    separate.destroy();
    separate.waitFor(60, TimeUnit.SECONDS);
    for (FabricNode<NodeEntities> node : nodes) {
      node.close();
    }
    nodes.clear();

    LedgerSummary summary = replay();
    report("subnets ran " + ran + " epochs; the ledger settled " + summary.settledEpochs() + "; " + summary.line());
    assertTrue(summary.invariantsHold(), summary.line());
    assertEquals(0, summary.inFlight(), "every epoch's credits were applied");
    for (int netuid : netuids) {
      long settled = summary.settledEpochs().getOrDefault(netuid, 0L);
      // the nodes run on between the last look and their stop, so a few more epochs may settle;
      // settled twice or a gap would have broken the invariants above
      assertTrue(settled >= ran.get(netuid), "subnet " + netuid + " ran " + ran.get(netuid) + " epochs, settled " + settled);
      long minersPaid =
          summary.accounts().entrySet().stream()
              .filter(a -> a.getKey().startsWith("miner-" + netuid + "-"))
              .mapToLong(a -> a.getValue().staked())
              .sum();
      assertTrue(minersPaid > 0, "the miners of subnet " + netuid + " earned nothing");
    }
  }

  private FabricNode<NodeEntities> startHere(int port, List<String> seeds) {
    NodeSettings settings = new NodeSettings(List.of("ledger"), HOST, port, seeds, 0, 30, Duration.ofSeconds(3));
    Config base = STORE.pekkoConfig().withFallback(ConfigFactory.parseMap(NETWORK)).withFallback(ConfigFactory.load());
    FabricNode<NodeEntities> node = FabricNode.start(FabricNode.SYSTEM_NAME, settings, base);
    nodes.add(node);
    return node;
  }

  /** {@code fabric node} in a JVM of its own, started the way bin/fabric starts it. */
  private static Process startSeparate(int port, String seed) throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.add("@" + target.resolve("jvm.options"));
    NETWORK.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-cp",
            target.resolve("deploy.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*",
            "io.taofabric.deploy.FabricCli",
            "node",
            "--host", HOST,
            "--port", Integer.toString(port),
            "--seed", seed,
            "--management-port", "0",
            "--contact-point", HOST + ":" + CASSANDRA));
    Path log = Files.createTempFile("fabric-node-", ".log");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static long awaitEpochs(NetworkBootstrap network, List<Integer> netuids, long atLeast) {
    long[] lowest = {0};
    await(
        "every subnet reaches " + atLeast + " epochs",
        () -> {
          long min = Long.MAX_VALUE;
          for (int netuid : netuids) {
            min = Math.min(min, epochsOrNone(network, netuid));
          }
          lowest[0] = min;
          return min >= atLeast;
        });
    return lowest[0];
  }

  private static void awaitCredited(LedgerSharding ledger, int netuid) {
    await(
        "subnet " + netuid + " credited",
        () -> {
          try {
            return ledger.settlement(netuid)
                .<SettlementEntity.Uncredited>ask(SettlementEntity.GetUncredited::new, ASK)
                .toCompletableFuture()
                .get()
                .epochs()
                .isEmpty();
          } catch (Exception e) {
            return false;
          }
        });
  }

  /** The epochs {@code netuid} ran, or -1 while its shard is unreachable (a node down, a shard moving). */
  private static long epochsOrNone(NetworkBootstrap network, int netuid) {
    try {
      return network.metagraph(netuid).epochs();
    } catch (Exception e) {
      return -1;
    }
  }

  private static LedgerSummary replay() throws Exception {
    ActorSystem<Void> reader = ActorSystem.create(Behaviors.empty(), "replay", ConfigFactory.load());
    try {
      return LedgerJournal.replayCassandra(STORE, reader, Long.MAX_VALUE).toCompletableFuture().get(5, TimeUnit.MINUTES);
    } finally {
      reader.terminate();
    }
  }

  private static void report(String line) {
    System.out.println("NetworkClusterIT: " + line);
  }

  private static long secondsSince(long nanos) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanos);
  }

  private static int upMembers(FabricNode<NodeEntities> node) {
    int up = 0;
    for (var member : Cluster.get(node.system()).state().getMembers()) {
      if (member.status().equals(MemberStatus.up())) {
        up++;
      }
    }
    return up;
  }

  private static int allMembers(FabricNode<NodeEntities> node) {
    int all = 0;
    for (var ignored : Cluster.get(node.system()).state().getMembers()) {
      all++;
    }
    return all;
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      sleep(Duration.ofMillis(200));
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int[] freePorts(int count) throws IOException {
    int[] ports = new int[count];
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
    return ports;
  }
}
