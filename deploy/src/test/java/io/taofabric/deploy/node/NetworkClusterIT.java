package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.task.Digits;
import io.taofabric.persistence.ledger.LedgerJournal;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import io.taofabric.sharding.LedgerSharding;
import io.taofabric.transport.ServedEndpoint;
import io.taofabric.transport.round.QueryRound;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.validator.MinerTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * subnets (forecasting, classification, forecasting) run epochs on a fast clock while their
 * validators query the miners the metagraph lists over Aeron and set weights from the scores; the
 * separate node is killed (SIGKILL) mid-run, its shards move to the survivors and the epochs go on;
 * it is started again and rejoins. Every subnet's best model then holds its top incentive, and
 * the lazy miner no more than any other; a validator of another subnet, without a permit here, is
 * refused by every miner. At the end the ledger replay finds every epoch each subnet ran settled
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
    List<NetworkBootstrap.DemoSubnet> subnets = network.populate(SUBNETS, MINERS, 1);
    List<Integer> netuids = subnets.stream().map(NetworkBootstrap.DemoSubnet::netuid).toList();
    assertEquals(
        List.of(DemoKind.FORECASTING, DemoKind.CLASSIFICATION, DemoKind.FORECASTING),
        subnets.stream().map(NetworkBootstrap.DemoSubnet::kind).toList());
    assertTrue(subnets.stream().flatMap(s -> s.miners().stream()).allMatch(m -> m.hotkey().matches("[0-9a-f]{64}")));

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
      await("every subnet's best model holds its top incentive and the lazy miner the least", () -> rankedByQuality(network, subnets));
      for (NetworkBootstrap.DemoSubnet subnet : subnets) {
        report("subnet " + subnet.netuid() + " (" + subnet.kind() + ") incentive " + incentives(network, subnet));
      }
      assertOutsiderRefused(network, subnets.get(0), subnets.get(1));
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
            "--gateway-port", "0",
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

  /**
   * True once, in every subnet, the best model's incentive is above every other miner's and the
   * lazy miner's above none: the miners are served best model first and the lazy one last ({@link
   * DemoTask#miner}). The weaker model may earn nothing: validators pay the tempo's winners steeply
   * ({@link io.taofabric.core.scoring.TournamentPolicy}).
   */
  private static boolean rankedByQuality(NetworkBootstrap network, List<NetworkBootstrap.DemoSubnet> subnets) {
    for (NetworkBootstrap.DemoSubnet subnet : subnets) {
      List<Integer> incentives;
      try {
        incentives = new ArrayList<>(incentives(network, subnet).values());
      } catch (Exception e) {
        return false;
      }
      int lazy = incentives.get(incentives.size() - 1);
      for (int m = 1; m < incentives.size(); m++) {
        if (incentives.get(0) <= incentives.get(m) || incentives.get(m) < lazy) {
          return false;
        }
      }
    }
    return true;
  }

  /** Each miner's incentive (u16) by model, in the order the miners were served. */
  private static Map<String, Integer> incentives(NetworkBootstrap network, NetworkBootstrap.DemoSubnet subnet) throws Exception {
    Map<String, Integer> byHotkey = new HashMap<>();
    for (Metagraph.Row row : network.metagraph(subnet.netuid()).neurons()) {
      byHotkey.put(row.hotkey(), row.incentive());
    }
    Map<String, Integer> byModel = new LinkedHashMap<>();
    for (NetworkBootstrap.DemoMiner miner : subnet.miners()) {
      byModel.put(miner.model(), byHotkey.get(miner.hotkey()));
    }
    return byModel;
  }

  /**
   * {@code permitted}'s validator, which holds a permit in its own subnet only, asks {@code other}'s
   * miners at the endpoints the metagraph lists: none answers, and each counts a refusal.
   */
  private static void assertOutsiderRefused(
      NetworkBootstrap network, NetworkBootstrap.DemoSubnet permitted, NetworkBootstrap.DemoSubnet other) throws Exception {
    SigningKey outsider = DemoKeys.of(NetworkBootstrap.validatorLabel(permitted.netuid(), 0));
    Metagraph metagraph = network.metagraph(other.netuid());
    assertTrue(metagraph.permittedStakes().containsKey(other.validators().get(0)));
    assertFalse(metagraph.permittedStakes().containsKey(outsider.hotkey()));
    List<MinerTarget> targets = new ArrayList<>();
    metagraph.servedEndpoints().forEach((hotkey, endpoint) -> targets.add(ServedEndpoint.target(hotkey, endpoint)));
    assertEquals(other.miners().size(), targets.size());
    long before = network.queries().refusals(other.netuid());
    Round<ClassificationQuery, ClassificationAnswer> asked;
    try (QueryRound<ClassificationQuery, ClassificationAnswer> round =
        QueryRound.classification(
            network.queries().node(),
            outsider,
            FanOutSettings.of(ServedEndpoint.channel(DemoQueries.freeEndpoint()), 3_001),
            targets,
            Duration.ofSeconds(1))) {
      assertTrue(round.awaitConnected(Duration.ofSeconds(5)));
      asked = round.ask(new ClassificationQuery(Doubles.of(new double[Digits.FEATURES]), Digits.CLASSES));
    }
    long refused = network.queries().refusals(other.netuid()) - before;
    report("a validator of subnet " + permitted.netuid() + " asked subnet " + other.netuid() + "'s miners: " + asked.responses()
        + "; refusals counted " + refused);
    assertTrue(asked.responses().stream().noneMatch(r -> r instanceof Response.Answered<ClassificationAnswer>), asked.toString());
    assertTrue(refused >= targets.size(), "refusals " + refused);
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
