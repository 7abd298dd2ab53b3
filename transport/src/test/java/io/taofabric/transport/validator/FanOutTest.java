package io.taofabric.transport.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.transport.IpcMiners;
import io.taofabric.transport.miner.CallerPolicy;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.wire.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Validator and miners on one node over IPC, the miners on their own agent threads. */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FanOutTest {
  private static final int REPLY_STREAM = 2_000;
  private static final SigningKey VALIDATOR = SigningKey.generate();
  private static final CallerPolicy POLICY = CallerPolicy.of(Map.of(VALIDATOR.hotkey(), 1_000L));
  private static final Model ECHO = query -> query;

  private List<MinerTarget> targets;
  private final CountDownLatch releaseSlowMiner = new CountDownLatch(1);
  private IpcMiners miners;
  private FanOut fanOut;

  @BeforeEach
  void startNode() {
    miners = new IpcMiners(POLICY);
  }

  @AfterEach
  void stop() {
    releaseSlowMiner.countDown();
    if (fanOut != null) {
      fanOut.close();
    }
    miners.close();
  }

  /** Starts {@code models.size()} miners on one agent thread, and the {@code slow} one on its own. */
  private void startMiners(List<Model> models, Model slow) {
    targets = miners.start(models, slow);
    fanOut =
        new FanOut(
            miners.node().aeron(),
            VALIDATOR,
            FanOutSettings.of(IpcMiners.IPC, REPLY_STREAM),
            targets,
            miners.node().newIdleStrategy(),
            SystemEpochClock.INSTANCE,
            SystemNanoClock.INSTANCE);
    assertTrue(fanOut.awaitConnected(Duration.ofSeconds(5)));
  }

  @Test
  void shouldCollectEveryAnswerFromEightMinersOverIpc() {
    startMiners(List.of(ECHO, ECHO, ECHO, ECHO, ECHO, ECHO, ECHO, ECHO), null);
    byte[] query = "2 + 2".getBytes(StandardCharsets.UTF_8);

    FanOutResult first = fanOut.query(query, Duration.ofSeconds(5));
    FanOutResult second = fanOut.query(query, Duration.ofSeconds(5));

    for (FanOutResult round : List.of(first, second)) {
      assertEquals(8, round.count(Status.OK), round.toString());
      for (int i = 0; i < 8; i++) {
        MinerResult result = round.results().get(i);
        assertEquals(targets.get(i).hotkey(), result.hotkey());
        assertArrayEquals(query, result.answer());
        assertTrue(result.minerLatencyNs() > 0 && result.minerLatencyNs() < round.roundNs());
      }
    }
    assertTrue(second.requestId() > first.requestId());
    assertEquals(16, fanOut.counters().get(FanOut.Counter.REPLIES));
  }

  @Test
  void shouldReportASlowMinerAsTimeoutWhileTheOthersAnswer() {
    Model slow =
        query -> {
          releaseSlowMiner.await(10, TimeUnit.SECONDS);
          return query;
        };
    startMiners(List.of(ECHO, ECHO, ECHO), slow);
    Duration timeout = Duration.ofMillis(300);

    FanOutResult round = fanOut.query(new byte[] {1}, timeout);

    assertEquals(3, round.count(Status.OK));
    assertEquals(Status.TIMEOUT, round.results().get(3).status());
    assertTrue(round.roundNs() >= timeout.toNanos(), "waited for the slow miner until the deadline");
    assertTrue(round.roundNs() < timeout.toNanos() + Duration.ofMillis(200).toNanos(), "and not much longer");
  }

  @Test
  void shouldReportModelFailuresAsModelErrors() {
    Model failing =
        query -> {
          throw new IllegalStateException("out of memory on the GPU");
        };
    startMiners(List.of(ECHO, failing), null);

    FanOutResult round = fanOut.query(new byte[] {1}, Duration.ofSeconds(5));

    assertEquals(Status.OK, round.results().get(0).status());
    assertEquals(Status.MODEL_ERROR, round.results().get(1).status());
  }
}
