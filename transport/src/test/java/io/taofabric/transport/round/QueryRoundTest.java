package io.taofabric.transport.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Models;
import io.taofabric.core.scoring.ClassificationScoring;
import io.taofabric.core.scoring.ForecastScoring;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.transport.IpcMiners;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.miner.PermittedCallers;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A validator's rounds over IPC, on forecasts and on classifications, with miners good and bad. */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryRoundTest {
  private static final SigningKey VALIDATOR = SigningKey.generate();
  private static final FanOutSettings REPLIES = FanOutSettings.of(IpcMiners.IPC, 2_000);
  private static final Duration TIMEOUT = Duration.ofMillis(300);
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final ForecastTask TASK = new ForecastTask(SeriesCatalog.CO2.load(), 24, 6);
  private static final ForecastChallenge CHALLENGE = TASK.challengeAt(200);
  private static final Doubles TRUTH = TASK.truth(CHALLENGE, CHALLENGE.end() + 6).orElseThrow();
  private static final Model HONEST =
      TaskServing.forecaster(Models.function(q -> new ForecastAnswer(ForecastScoring.naive(q))));
  private static final Model LAZY =
      TaskServing.forecaster(Models.function(q -> new ForecastAnswer(Doubles.of(new double[q.horizon()]))));
  private static final ClassificationQuery DIGIT = new ClassificationQuery(Doubles.of(new double[64]), 10);

  private final PermittedCallers callers = new PermittedCallers();
  private final CountDownLatch releaseSlowMiner = new CountDownLatch(1);
  private IpcMiners miners;
  private QueryRound<ForecastQuery, ForecastAnswer> forecasts;
  private QueryRound<ClassificationQuery, ClassificationAnswer> classifications;

  @BeforeEach
  void startNode() {
    callers.update(Map.of(VALIDATOR.hotkey(), 1_000L));
    miners = new IpcMiners(callers);
  }

  @AfterEach
  void stop() {
    releaseSlowMiner.countDown();
    if (forecasts != null) {
      forecasts.close();
    }
    if (classifications != null) {
      classifications.close();
    }
    miners.close();
  }

  @Nested
  class Forecasting {
    @Test
    void shouldScoreRealForecastsAboveLazyOnesAndMissingAnswersZero() {
      // given
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
      List<String> hotkeys = hotkeys(forecasting(miners.start(List.of(HONEST, LAZY, garbling, failing), slow)));
      // when
      Round<ForecastQuery, ForecastAnswer> asked = forecasts.ask(CHALLENGE.query());
      SortedMap<String, Double> scores = forecasts.scores(asked, ForecastScoring.against(TRUTH));
      // then
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
    void shouldHandEachDecodedForecastToTheRound() {
      // given
      forecasting(miners.start(List.of(HONEST), null));
      // when
      Round<ForecastQuery, ForecastAnswer> asked = forecasts.ask(CHALLENGE.query());
      // then
      assertTrue(asked.responses().get(0) instanceof Response.Answered<ForecastAnswer> answered
          && Arrays.equals(ForecastScoring.naive(CHALLENGE.query()).toArray(), answered.answer().values().toArray()));
    }
  }

  @Nested
  class Classification {
    @Test
    void shouldScoreACanaryByTheLabelEachMinerGave() {
      // given
      Model three = TaskServing.classifier(Models.function(q -> ClassificationAnswer.certain(3, q.classes())));
      Model five = TaskServing.classifier(Models.function(q -> ClassificationAnswer.certain(5, q.classes())));
      List<MinerTarget> targets = miners.start(List.of(three, five, HONEST), null);
      classifications = QueryRound.classification(miners.node(), VALIDATOR, REPLIES, targets, TIMEOUT);
      assertTrue(classifications.awaitConnected(CONNECT));
      // when
      Round<ClassificationQuery, ClassificationAnswer> asked = classifications.ask(DIGIT);
      SortedMap<String, Double> scores = classifications.scores(asked, ClassificationScoring.canary(3));
      // then
      assertEquals(1.0, scores.get(targets.get(0).hotkey()), scores.toString());
      assertEquals(0.0, scores.get(targets.get(1).hotkey()), scores.toString());
      assertEquals(0.0, scores.get(targets.get(2).hotkey()), "a forecaster cannot read a classification query");
    }
  }

  @Nested
  class Aim {
    @Test
    void shouldAskTheMinersItIsAimedAtAndKeepTheFanOutForTheSameOnes() {
      // given
      List<MinerTarget> first = miners.start(List.of(HONEST), null);
      forecasting(first);
      List<MinerTarget> both = miners.start(List.of(LAZY), null);
      // when
      boolean connected = forecasts.aim(both, CONNECT);
      Round<ForecastQuery, ForecastAnswer> asked = forecasts.ask(CHALLENGE.query());
      // then
      assertTrue(connected);
      assertEquals(hotkeys(both), asked.responses().stream().map(Response::hotkey).toList());
      assertTrue(asked.responses().stream().allMatch(r -> r instanceof Response.Answered<ForecastAnswer>), asked.toString());
      assertTrue(forecasts.aim(List.copyOf(both), CONNECT), "the same miners, still connected");
    }
  }

  @Nested
  class Permits {
    @Test
    void shouldBeRefusedOnceTheMinersCallersNoLongerIncludeTheValidator() {
      // given
      String miner = hotkeys(forecasting(miners.start(List.of(HONEST), null))).get(0);
      assertTrue(forecasts.ask(CHALLENGE.query()).responses().get(0) instanceof Response.Answered<ForecastAnswer>);
      // when
      callers.update(Map.of(SigningKey.generate().hotkey(), 1_000L));
      Round<ForecastQuery, ForecastAnswer> asked = forecasts.ask(CHALLENGE.query());
      // then
      assertEquals(List.of(new Response.NoAnswer<ForecastAnswer>(miner, "REJECTED")), asked.responses());
    }

    @Test
    void shouldGetNoAnswerAtAllAsACallerThatNeverHeldAPermit() {
      // given
      List<MinerTarget> targets = miners.start(List.of(HONEST), null);
      // when
      try (QueryRound<ForecastQuery, ForecastAnswer> stranger =
          QueryRound.forecasting(miners.node(), SigningKey.generate(), FanOutSettings.of(IpcMiners.IPC, 2_001), targets, TIMEOUT)) {
        assertTrue(stranger.awaitConnected(CONNECT));
        Round<ForecastQuery, ForecastAnswer> asked = stranger.ask(CHALLENGE.query());
        // then
        assertEquals(new Response.NoAnswer<ForecastAnswer>(targets.get(0).hotkey(), "TIMEOUT"), asked.responses().get(0));
      }
    }
  }

  /** Forecasting rounds of {@code targets}, connected; the targets. */
  private List<MinerTarget> forecasting(List<MinerTarget> targets) {
    forecasts = QueryRound.forecasting(miners.node(), VALIDATOR, REPLIES, targets, TIMEOUT);
    assertTrue(forecasts.awaitConnected(CONNECT));
    return targets;
  }

  private static List<String> hotkeys(List<MinerTarget> targets) {
    return targets.stream().map(MinerTarget::hotkey).toList();
  }
}
