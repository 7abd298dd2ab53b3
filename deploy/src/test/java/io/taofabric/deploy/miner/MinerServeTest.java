package io.taofabric.deploy.miner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.TaskCodecs;
import io.taofabric.core.sim.Forecasters;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import io.taofabric.deploy.CliRun;
import io.taofabric.deploy.cli.FakeGateway;
import io.taofabric.deploy.cli.TestCli;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.ServedEndpoint;
import io.taofabric.transport.validator.FanOut;
import io.taofabric.transport.validator.FanOutResult;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.wire.Status;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MinerServeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SigningKey VALIDATOR = SigningKey.generate();
  private static final SigningKey STRANGER = SigningKey.generate();

  @TempDir Path dir;

  private CliRun serve(String... options) {
    List<String> args = new ArrayList<>(List.of("miner", "serve", "--netuid", "1", "--wallet-path", dir.resolve("wallets").toString()));
    args.addAll(List.of(options));
    return TestCli.run(args.toArray(String[]::new));
  }

  private static void assertBadInput(CliRun run, String expected) {
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("fabric miner serve: ") && run.err().contains(expected), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void shouldRefuseBadOptionsWithOneLineAndExitTwo() {
    assertBadInput(serve("--port", "7000"), "--model");
    assertBadInput(serve("--port", "0", "--model", "forecast:naive"), "--port must be in [1, 65535], got 0");
    assertBadInput(serve("--port", "7000", "--host", "no host!", "--model", "forecast:naive"), "is not host:port");
    assertBadInput(serve("--port", "7000", "--interval", "0", "--model", "forecast:naive"), "--interval");
    assertBadInput(serve("--port", "7000", "--model", "sklearn:forest"), "--model must be one of forecast:NAME (seasonal-growth");
    assertBadInput(serve("--port", "7000", "--model", "forecast:prophet"), "no built-in forecaster is called 'prophet'; known: seasonal-growth");
    assertBadInput(serve("--port", "7000", "--model", "digits:everything"), "no digit classifier recipe is called everything");
    assertBadInput(serve("--port", "7000", "--model", "forecast:naive", "--task", "classification"),
        "--task classification needs a Model<ClassificationQuery, ClassificationAnswer>, but forecast:naive is a Model<ForecastQuery, ForecastAnswer>");
    assertBadInput(serve("--port", "7000", "--model", "forecast:naive", "--task", "translate"), "--task must be forecast or classification");
    assertBadInput(serve("--port", "7000", "--model", "forecast:naive", "--classpath", "x.jar"), "--classpath is for --model class:CLASS only");
    assertBadInput(serve("--port", "7000", "--model", "openai:llama"), "--model openai:MODEL@URL names the model and its server");
    assertBadInput(serve("--port", "7000", "--model", "openai:llama@ftp://host"), "needs an http(s) URL");
  }

  @Test
  void shouldRefuseClassesThatAreNotModelsOfATask() throws IOException {
    String model = "import io.taofabric.core.model.*;\n";
    Path jar =
        JavaSources.jar(
            dir,
            Map.of(
                "NotAModel.java", "public class NotAModel {}",
                "TextModel.java", model + "public class TextModel implements Model<String, String> { public String answer(String q) { return q; } }",
                "NeedsArgs.java", model + "public class NeedsArgs implements Model<ForecastQuery, ForecastAnswer> {"
                    + " public NeedsArgs(int x) {} public ForecastAnswer answer(ForecastQuery q) { return null; } }",
                "Raw.java", model + "@SuppressWarnings(\"rawtypes\") public class Raw implements Model { public Object answer(Object q) { return q; } }",
                "Labeller.java", model + "public class Labeller implements Model<ClassificationQuery, ClassificationAnswer> {"
                    + " public ClassificationAnswer answer(ClassificationQuery q) { return ClassificationAnswer.certain(0, q.classes()); } }"));
    String cp = jar.toString();
    assertBadInput(serve("--port", "7000", "--model", "class:Missing", "--classpath", cp), "class Missing is not on --classpath");
    assertBadInput(serve("--port", "7000", "--model", "class:NotAModel", "--classpath", cp), "class NotAModel does not implement io.taofabric.core.model.Model");
    assertBadInput(serve("--port", "7000", "--model", "class:TextModel", "--classpath", cp),
        "class TextModel implements Model<java.lang.String, java.lang.String>; a miner serves Model<ForecastQuery, ForecastAnswer> or Model<ClassificationQuery, ClassificationAnswer>");
    assertBadInput(serve("--port", "7000", "--model", "class:NeedsArgs", "--classpath", cp), "class NeedsArgs needs a public constructor without parameters");
    assertBadInput(serve("--port", "7000", "--model", "class:Raw", "--classpath", cp), "class Raw must declare its task");
    assertBadInput(serve("--port", "7000", "--model", "class:Labeller", "--classpath", cp, "--task", "forecast"),
        "--task forecast needs a Model<ForecastQuery, ForecastAnswer>, but class:Labeller is a Model<ClassificationQuery, ClassificationAnswer>");
    assertBadInput(serve("--port", "7000", "--model", "class:X", "--classpath", dir.resolve("nothing.jar").toString()), "is not a readable jar");
  }

  @Test
  void shouldTellAnUnregisteredHotkeyHowToRegister() throws Exception {
    TestCli.wallet(dir.resolve("wallets"), "default");
    try (FakeGateway gateway = FakeGateway.start()) {
      gateway.answer("GET", "/v1/subnets/1/metagraph", 200, metagraph(null).toString());
      CliRun run = serve("--port", Integer.toString(freePort()), "--model", "forecast:naive", "--gateway", gateway.url());
      assertEquals(1, run.exitCode(), run.err());
      assertTrue(run.err().contains("is not registered in subnet 1; register it first: fabric subnet register --netuid 1"), run.err());
      assertTrue(gateway.requests().stream().noneMatch(r -> r.method().equals("POST")), "nothing is announced");
    }
  }

  @Test
  @Timeout(120)
  void shouldAnnounceItsEndpointAndAnswerOnlyPermittedValidators() throws Exception {
    SigningKey miner = TestCli.wallet(dir.resolve("wallets"), "default").hotkey("default");
    String endpoint = "127.0.0.1:" + freePort();
    try (FakeGateway gateway = FakeGateway.start();
        AeronNode validators = AeronNode.launch(AeronNode.Settings.defaults())) {
      gateway.answer("GET", "/v1/subnets/1/metagraph", 200, metagraph(miner.hotkey()).toString());
      Thread[] serving = new Thread[1];
      CompletableFuture<CliRun> run =
          CompletableFuture.supplyAsync(
              () -> {
                serving[0] = Thread.currentThread();
                return serve("--port", endpoint.substring(endpoint.indexOf(':') + 1), "--model", "forecast:seasonal-growth",
                    "--interval", "1", "--gateway", gateway.url());
              });
      SignedTransaction announced = awaitAnnouncement(gateway);
      assertTrue(announced.verify(), "signed by the hotkey");
      assertEquals(miner.hotkey(), announced.signer());
      assertEquals(new Transaction.ServeEndpoint(1, endpoint), announced.transaction());

      ForecastQuery query = new ForecastQuery(Doubles.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}), 3);
      FanOutResult permitted = ask(validators, VALIDATOR, miner.hotkey(), endpoint, query);
      assertEquals(Status.OK, permitted.results().get(0).status());
      assertArrayEquals(
          TaskCodecs.FORECAST_ANSWER.encode(Forecasters.all().get(0).model().answer(query)), permitted.results().get(0).answer());
      FanOutResult stranger = ask(validators, STRANGER, miner.hotkey(), endpoint, query);
      assertNotEquals(Status.OK, stranger.results().get(0).status());

      TimeUnit.MILLISECONDS.sleep(2_500); // a report line after both queries
      serving[0].interrupt(); // what Ctrl-C's hook does
      CliRun done = run.get(60, TimeUnit.SECONDS);
      assertEquals(0, done.exitCode(), done.err());
      assertTrue(done.out().contains("serves forecast:seasonal-growth (forecast) on " + endpoint), done.out());
      assertEquals(1, done.out().lines().filter(l -> l.contains("answered 1,")).count(), done.out());
      assertEquals(1, done.out().lines().filter(l -> l.contains("refused 1,")).count(), done.out());
      assertTrue(done.out().contains("(1 permitted validators); incentive 0.2500, emission 0.000001234 TAO"), done.out());
      assertTrue(done.out().strip().endsWith("miner: stopping"), done.out());
    }
  }

  private static FanOutResult ask(AeronNode node, SigningKey as, String miner, String endpoint, ForecastQuery query) throws IOException {
    FanOutSettings replies = FanOutSettings.of(ServedEndpoint.channel("127.0.0.1:" + freePort()), 2_001);
    try (FanOut fanOut =
        new FanOut(
            node.aeron(), as, replies, List.of(ServedEndpoint.target(miner, endpoint)), node.newIdleStrategy(),
            SystemEpochClock.INSTANCE, SystemNanoClock.INSTANCE)) {
      assertTrue(fanOut.awaitConnected(Duration.ofSeconds(10)), "the miner listens");
      return fanOut.query(TaskCodecs.FORECAST_QUERY.encode(query), Duration.ofSeconds(2));
    }
  }

  private static SignedTransaction awaitAnnouncement(FakeGateway gateway) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (FakeGateway.Request request : gateway.requests()) {
        if (request.method().equals("POST")) {
          return request.transaction();
        }
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("no transaction posted: " + gateway.requests());
  }

  /** Subnet 1 with a permitted validator, and the miner {@code hotkey} at UID 1 when it is given. */
  private static ObjectNode metagraph(String hotkey) {
    ObjectNode m = JSON.createObjectNode().put("netuid", 1).put("block", 420).put("epochs", 19);
    ArrayNode neurons = m.putArray("neurons");
    neurons.addObject().put("uid", 0).put("hotkey", VALIDATOR.hotkey()).put("stake", 100_000_000_000L).put("validator_permit", true)
        .put("incentive", 0.0).put("emission", 0).putNull("endpoint");
    if (hotkey != null) {
      neurons.addObject().put("uid", 1).put("hotkey", hotkey).put("stake", 5_000).put("validator_permit", false)
          .put("incentive", 0.25).put("emission", 1_234).putNull("endpoint");
    }
    return m;
  }

  private static int freePort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return socket.getLocalPort();
    }
  }
}
