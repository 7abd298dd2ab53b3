package io.taofabric.loadtests.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.app.Gatling$;
import io.gatling.app.cli.StatusCode;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every simulation, briefly and with its assertions, against a demo network on the build's
 * Cassandra node: that each still runs and passes at a modest rate, not a measurement. A node
 * that has just started answers its first transfers in seconds (JIT, the first saga entities), so
 * an unmeasured run of the mix warms it first. Gatling's reports land in
 * load-tests/target/gatling-smoke.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatlingSmokeIT {
  private static final int CASSANDRA = Integer.getInteger("taofabric.it.cassandra.port", 19042);
  private static final int SUCCESS = StatusCode.Success$.MODULE$.code();
  private static final int ASSERTIONS_FAILED = StatusCode.AssertionsFailed$.MODULE$.code();
  /**
   * A few seconds at a modest rate; p99 targets five times the real ones (see Gateway.p99) and 99 %
   * successful instead of 99.9 %: on a loaded machine a few client queries in a thousand are
   * answered 504, every asked miner having refused the gateway's request within milliseconds
   * (docs/benchmarks.md, Gatling), and one in the 300 queries of a run misses 99.9 %.
   */
  private static final Map<String, String> LOAD =
      Map.of("rate", "50", "warmup", "2", "duration", "5", "p99.factor", "5", "success.percent", "99");

  @TempDir static Path dir;
  private static LocalDemo demo;

  @BeforeAll
  static void startTheDemo() throws Exception {
    demo = LocalDemo.start(CASSANDRA, dir, Duration.ofMinutes(3));
    System.setProperty("gateway", demo.gateway());
    LOAD.forEach(System::setProperty);
    int warmUp = run(MixedSimulation.class);
    assertTrue(warmUp == SUCCESS || warmUp == ASSERTIONS_FAILED, "the warm-up did not run: Gatling's status " + warmUp);
  }

  @AfterAll
  static void stopTheDemo() throws Exception {
    LOAD.keySet().forEach(System::clearProperty);
    System.clearProperty("gateway");
    if (demo != null) {
      demo.stop();
    }
  }

  @Test
  @Order(1)
  void metagraphReadsPass() {
    assertPasses(MetagraphReadSimulation.class);
  }

  @Test
  @Order(2)
  void signedTransfersPassAndTheLedgerHoldsWhatTheyMoved() throws Exception {
    assertPasses(SignedTransferSimulation.class);
    assertLedgerHoldsTheTransfers();
  }

  @Test
  @Order(3)
  void stakeMovesPass() {
    // StakeSimulation itself fails when a coldkey's stake is not what its applied moves left
    assertPasses(StakeSimulation.class);
  }

  @Test
  @Order(4)
  void clientQueriesPass() {
    assertPasses(QuerySimulation.class);
  }

  @Test
  @Order(5)
  void theMixPassesAndTheLedgerHoldsWhatItsTransfersMoved() throws Exception {
    assertPasses(MixedSimulation.class);
    assertLedgerHoldsTheTransfers();
  }

  private static void assertPasses(Class<? extends Simulation> simulation) {
    int status = run(simulation);
    assertEquals(SUCCESS, status, simulation.getSimpleName() + " failed its assertions or did not run (Gatling's status " + status + ")");
  }

  /** Runs {@code simulation} in this JVM; Gatling's own main would end the JVM with the status. */
  private static int run(Class<? extends Simulation> simulation) {
    return Gatling$.MODULE$.fromArgs(new String[] {
      "--simulation", simulation.getName(), "--results-folder", Path.of("target", "gatling-smoke").toString()
    });
  }

  /** The replayed journal credits the sink with every transfer answered 200, and none twice. */
  private static void assertLedgerHoldsTheTransfers() throws Exception {
    TransferLoad.Outcome transfers = TransferLoad.last();
    assertNotNull(transfers, "the simulation recorded no transfers");
    JsonNode replay = demo.replay(transfers.sink());
    long free = replay.get("account").get("free").asLong();
    assertTrue(replay.get("invariants_ok").asBoolean(), replay.toString());
    // a transfer the client gave up on may still have been applied, once
    assertTrue(transfers.expected() <= free && free <= transfers.sentRao(),
        "the sink holds " + free + " rao; the applied transfers moved " + transfers.expected() + " of " + transfers.sentRao() + " sent");
  }
}
