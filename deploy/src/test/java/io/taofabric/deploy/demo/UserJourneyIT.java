package io.taofabric.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.deploy.CliRun;
import io.taofabric.deploy.cli.TestCli;
import io.taofabric.deploy.miner.JavaSources;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's new user, end to end against {@code fabric demo --keep-running} in this JVM (on the
 * build's Cassandra node, its gateway on a free port, its faucet wallet in a temporary
 * --wallet-path): a wallet funded by the faucet, a registration and a stake in the forecasting
 * subnet, and the README's example model served with {@code miner serve} until the metagraph shows
 * the new miner at its endpoint, earning. Then the miner and the demo stop as Ctrl-C stops them,
 * and leave nothing running.
 */
@Timeout(300)
class UserJourneyIT {
  private static final String GATEWAY_PORT = "taofabric.gateway.port";
  private static final Path EXAMPLE = Path.of("..", "examples", "miner", "SeasonalBlend.java");
  private static final long TAO = 1_000_000_000L;
  private static final long STARTUP_SECONDS = 90;
  private static final long EARNING_SECONDS = 90;
  private static final long STOP_SECONDS = 60;

  @TempDir Path dir;

  @BeforeEach
  void journalOnTheBuildsNode() {
    InProcessDemo.useTheBuildsCassandra();
  }

  @AfterEach
  void restore() {
    InProcessDemo.restoreCassandra();
    InProcessDemo.clear(GATEWAY_PORT);
  }

  @Test
  void shouldFundRegisterStakeAndServeANewMinerThatEarnsOnTheDemoNetwork() throws Exception {
    // given
    Set<Path> driversBefore = InProcessDemo.aeronDirectories();
    int gatewayPort = freeTcpPort();
    InProcessDemo.set(GATEWAY_PORT, Integer.toString(gatewayPort));
    String gateway = "http://127.0.0.1:" + gatewayPort;
    Path wallets = Files.createDirectories(dir.resolve("wallets"));
    Path jar = JavaSources.jar(Files.createDirectories(dir.resolve("miner")), Map.of("SeasonalBlend.java", Files.readString(EXAMPLE)));
    int minerPort = freeUdpPort();
    String endpoint = "127.0.0.1:" + minerPort;
    List<String> userWallet = List.of("--wallet-path", wallets.toString(), "--wallet", "user");
    List<String> user = with(userWallet, "--gateway", gateway);
    String password = TestCli.passwordFile(dir, TestCli.PASSWORD).toString();
    List<String> asUser = with(user, "--password-file", password);

    Background demo =
        Background.start(
            "user-journey-demo",
            () -> CliRun.of("demo", "--subnets", "2", "--miners", "3", "--epochs", "2", "--keep-running", "--wallet-path", wallets.toString()));
    CliRun demoRun;
    CliRun minerRun;
    try {
      List<String> faucet = List.of("--wallet-path", wallets.toString(), "--wallet", "demo-faucet", "--gateway", gateway);
      // the faucet wallet is written once the gateway serves
      await(demo, STARTUP_SECONDS, () -> TestCli.run(faucet, "wallet", "balance", "--json"), run -> run.exitCode() == 0);

      // when: the README's journey
      JsonNode created = TestCli.run(with(userWallet, "--password-file", password), "wallet", "create", "--json").json();
      String coldkey = created.get("coldkey").asText();
      String hotkey = created.get("hotkeys").get(0).get("hotkey").asText();
      List<String> asFaucet = with(faucet, "--password-file", TestCli.passwordFile(dir, "faucet").toString());
      CliRun transfer = TestCli.run(asFaucet, "wallet", "transfer", "--to", coldkey, "--amount", "100");
      assertEquals(0, transfer.exitCode(), transfer.err());
      JsonNode balance = TestCli.run(user, "wallet", "balance", "--json").json();
      assertEquals(coldkey, balance.get("coldkey").asText());
      assertEquals(100 * TAO, balance.get("free").asLong(), balance.toString());

      CliRun register = TestCli.run(asUser, "subnet", "register", "--netuid", "1");
      assertEquals(0, register.exitCode(), register.err());
      CliRun stake = TestCli.run(asUser, "stake", "add", "--netuid", "1", "--amount", "2");
      assertEquals(0, stake.exitCode(), stake.err());
      JsonNode stakes = TestCli.run(user, "stake", "list", "--json").json();
      assertEquals(1, stakes.get("stakes").size(), stakes.toString());
      JsonNode staked = stakes.get("stakes").get(0);
      assertEquals(1, staked.get("netuid").asInt(), staked.toString());
      assertEquals(hotkey, staked.get("hotkey").asText(), staked.toString());
      assertEquals("default", staked.get("name").asText(), staked.toString());
      // the neuron's own emission may already add to the stake
      assertTrue(staked.get("amount").asLong() >= 2 * TAO, staked.toString());

      Background miner =
          Background.start(
              "user-journey-miner",
              () -> TestCli.run(user, "miner", "serve", "--netuid", "1", "--port", Integer.toString(minerPort), "--interval", "1",
                  "--model", "class:com.example.SeasonalBlend", "--classpath", jar.toString()));
      try {
        // then: the subnet lists the new miner at its endpoint, paid by an epoch
        CliRun earning =
            await(miner, EARNING_SECONDS, () -> TestCli.run("subnet", "metagraph", "--netuid", "1", "--json", "--gateway", gateway),
                run -> run.exitCode() == 0 && earns(run.json(), hotkey, endpoint));
        System.out.println(earning.out());
      } finally {
        minerRun = miner.stop();
      }
    } finally {
      demoRun = demo.stop();
      System.out.println(demoRun.out());
    }

    assertEquals(0, minerRun.exitCode(), minerRun.err());
    assertTrue(
        minerRun.out().contains("(uid ") && minerRun.out().contains(" in subnet 1) serves class:com.example.SeasonalBlend (forecast) on " + endpoint),
        minerRun.out());
    assertTrue(minerRun.out().lines().anyMatch(l -> l.matches("block \\d+, epoch \\d+: answered [1-9]\\d*, .*")), minerRun.out());
    assertTrue(minerRun.out().strip().endsWith("miner: stopping"), minerRun.out());
    assertEquals(0, demoRun.exitCode(), demoRun.err());
    assertTrue(demoRun.out().contains("gateway: " + gateway + " "), demoRun.out());
    assertTrue(demoRun.out().contains("faucet: wallet demo-faucet in " + wallets + " holds "), demoRun.out());
    assertTrue(demoRun.out().contains("demo: stopped the miners, the validators' rounds and the Aeron driver, then the node"), demoRun.out());

    InProcessDemo.assertNothingLeft(demoRun.out(), driversBefore);
    InProcessDemo.assertFree(gatewayPort);
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", minerPort))) {
      assertEquals(minerPort, socket.getLocalPort(), "the miner's endpoint is closed");
    }
  }

  /** Whether {@code hotkey} is in {@code metagraph}, announced at {@code endpoint} and paid emission. */
  private static boolean earns(JsonNode metagraph, String hotkey, String endpoint) {
    for (JsonNode neuron : metagraph.get("neurons")) {
      if (neuron.get("hotkey").asText().equals(hotkey)) {
        return neuron.get("endpoint").asText().equals(endpoint) && neuron.get("emission").asLong() > 0;
      }
    }
    return false;
  }

  private static List<String> with(List<String> options, String... more) {
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of(more));
    return all;
  }

  /**
   * Runs {@code check} each second until {@code done} holds for its run and returns that run; fails
   * when {@code seconds} pass first, or when the command running in {@code background} ends.
   */
  private static CliRun await(Background background, long seconds, Callable<CliRun> check, Predicate<CliRun> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CliRun last = null;
    while (System.nanoTime() < deadline) {
      if (background.run().isDone()) {
        CliRun ended = background.run().get();
        throw new AssertionError(background.thread().getName() + " ended with " + ended.exitCode() + ": " + ended.out() + ended.err());
      }
      last = check.call();
      if (done.test(last)) {
        return last;
      }
      TimeUnit.SECONDS.sleep(1);
    }
    throw new AssertionError("not within " + seconds + " s; last: " + (last == null ? "none" : last.out() + last.err()));
  }

  /** A command running on a thread of its own until stopped. */
  private record Background(Thread thread, FutureTask<CliRun> run) {
    static Background start(String name, Callable<CliRun> command) {
      FutureTask<CliRun> run = new FutureTask<>(command);
      Thread thread = new Thread(run, name);
      thread.start();
      return new Background(thread, run);
    }

    /** Interrupts the command, as the shutdown hook of Ctrl-C does, and waits for its end. */
    CliRun stop() throws Exception {
      thread.interrupt();
      return run.get(STOP_SECONDS, TimeUnit.SECONDS);
    }
  }

  private static int freeTcpPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return socket.getLocalPort();
    }
  }
}
