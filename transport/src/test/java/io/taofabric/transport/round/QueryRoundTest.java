package io.taofabric.transport.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Models;
import io.taofabric.core.scoring.ForecastScoring;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.transport.IpcMiners;
import io.taofabric.transport.miner.CallerPolicy;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.validator.MinerTarget;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A validator's round over IPC among an honest, a lazy, a slow, a garbling and a failing miner. */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryRoundTest {
  private static final SigningKey VALIDATOR = SigningKey.generate();
  private static final CallerPolicy POLICY = CallerPolicy.of(Map.of(VALIDATOR.hotkey(), 1_000L));
  private static final ForecastTask TASK = new ForecastTask(SeriesCatalog.CO2.load(), 24, 6);
  private static final ForecastChallenge CHALLENGE = TASK.challengeAt(200);
  private static final int REVEALED = CHALLENGE.end() + 6;
  private static final Model HONEST =
      ForecastServing.model(Models.function(q -> new ForecastAnswer(ForecastScoring.naive(q))));

  private final CountDownLatch releaseSlowMiner = new CountDownLatch(1);
  private IpcMiners miners;
  private QueryRound round;

  @BeforeEach
  void startNode() {
    miners = new IpcMiners(POLICY);
  }

  @AfterEach
  void stop() {
    releaseSlowMiner.countDown();
    if (round != null) {
      round.close();
    }
    miners.close();
  }

  @Test
  void shouldScoreRealForecastsAboveLazyOnesAndMissingAnswersZero() {
    Model lazy = ForecastServing.model(Models.function(q -> new ForecastAnswer(Doubles.of(new double[q.horizon()]))));
    Model slow =
        query -> {
          releaseSlowMiner.await(10, TimeUnit.SECONDS);
          return HONEST.answer(query);
        };
    Model garbling = query -> new byte[] {1, 2, 3};
    Model failing =
        query -> {
          throw new IllegalStateException("the forecaster crashed");
        };
    List<String> hotkeys = startMiners(List.of(HONEST, lazy, garbling, failing), slow);

    Round<ForecastQuery, ForecastAnswer> asked = round.ask(CHALLENGE);
    SortedMap<String, Double> scores = round.scores(TASK, CHALLENGE, asked, REVEALED).orElseThrow();

    double honest = scores.get(hotkeys.get(0));
    double lazyScore = scores.get(hotkeys.get(1));
    assertEquals(0.5, honest, 1e-12, "the naive forecaster is the yardstick: exactly 1/2");
    assertTrue(lazyScore > 0 && lazyScore < honest, scores.toString());
    assertEquals(0.0, scores.get(hotkeys.get(2)), "a payload that is no forecast scores 0");
    assertEquals(0.0, scores.get(hotkeys.get(3)), "a failing model scores 0");
    assertEquals(0.0, scores.get(hotkeys.get(4)), "the slow miner missed the deadline");
    assertEquals(new Response.NoAnswer<ForecastAnswer>(hotkeys.get(4), "TIMEOUT"), asked.responses().get(4));
    assertTrue(asked.responses().get(2) instanceof Response.NoAnswer<ForecastAnswer> none && none.reason().startsWith("malformed"));
  }

  @Test
  void shouldHoldTheScoresUntilTheSeriesRevealsTheHorizon() {
    startMiners(List.of(HONEST), null);

    Round<ForecastQuery, ForecastAnswer> asked = round.ask(CHALLENGE);

    assertTrue(round.scores(TASK, CHALLENGE, asked, REVEALED - 1).isEmpty());
    assertTrue(asked.responses().get(0) instanceof Response.Answered<ForecastAnswer> answered
        && Arrays.equals(ForecastScoring.naive(CHALLENGE.query()).toArray(), answered.answer().values().toArray()));
  }

  /** Starts {@code models} on one agent thread and {@code slow} on its own; their hotkeys in that order. */
  private List<String> startMiners(List<Model> models, Model slow) {
    List<MinerTarget> targets = miners.start(models, slow);
    round = new QueryRound(miners.node(), VALIDATOR, FanOutSettings.of(IpcMiners.IPC, 2_000), targets, Duration.ofMillis(300));
    assertTrue(round.awaitConnected(Duration.ofSeconds(5)));
    return targets.stream().map(MinerTarget::hotkey).toList();
  }
}
