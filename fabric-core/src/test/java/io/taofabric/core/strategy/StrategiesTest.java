package io.taofabric.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import io.taofabric.core.model.ModelException;
import io.taofabric.core.model.Models;
import io.taofabric.core.scoring.ForecastScoring;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import io.taofabric.core.scoring.RoundScorer;
import io.taofabric.core.scoring.Verdict;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.core.task.TimeSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Rounds of every strategy on the Mauna Loa CO2 series, scored as a validator would. */
class StrategiesTest {
  private static final long MS = 1_000_000;
  private static final int SEASON = 12;

  /** Next year repeats this year's seasonal shape, shifted by the past year's growth. */
  private static final Model<ForecastQuery, ForecastAnswer> SEASONAL = Models.function(q -> {
    Doubles w = q.window();
    int last = w.size() - 1;
    double growth = w.get(last) - w.get(last - SEASON);
    double[] values = new double[q.horizon()];
    for (int k = 1; k <= q.horizon(); k++) {
      values[k - 1] = w.get(last + k - SEASON) + growth;
    }
    return new ForecastAnswer(Doubles.of(values));
  });
  private static final Model<ForecastQuery, ForecastAnswer> NAIVE =
      Models.function(q -> new ForecastAnswer(ForecastScoring.naive(q)));

  @Test
  void shouldCatchCopiesAndSybilsAndRankLazyMinersBelowHonestOnes() {
    TimeSeries co2 = SeriesCatalog.CO2.load();
    ForecastTask task = new ForecastTask(co2, 2 * SEASON, 6);
    Miner<ForecastQuery, ForecastAnswer> honest = Strategies.honest("honest", SEASONAL, 10 * MS);
    List<Miner<ForecastQuery, ForecastAnswer>> miners = new ArrayList<>(List.of(
        honest,
        Strategies.honest("honest-naive", NAIVE, 15 * MS),
        Strategies.lazyConstant("lazy-constant", new ForecastAnswer(Doubles.of(330, 330, 330, 330, 330, 330)), MS),
        Strategies.lazyRandom("lazy-random", new Random(3), Strategies::randomForecast, MS),
        Strategies.copycat("copycat", honest, 5 * MS)));
    miners.addAll(Strategies.sybils(List.of("sybil-1", "sybil-2"), SEASONAL, 20 * MS));
    RoundScorer<ForecastQuery, ForecastAnswer> scorer = new RoundScorer<>(ForecastScoring.similarity(0.01));

    Map<String, Double> totals = new HashMap<>();
    for (int end = task.firstEnd(); end <= task.lastEnd(); end++) {
      ForecastChallenge challenge = task.challengeAt(end);
      Round<ForecastQuery, ForecastAnswer> round = LocalRound.play(challenge.query(), miners, 100 * MS);
      Doubles truth = task.truth(challenge, co2.length() - 1).orElseThrow();

      SortedMap<String, Verdict> verdicts = scorer.verdicts(round, ForecastScoring.against(truth));

      assertEquals(new Verdict.Copied("honest"), verdicts.get("copycat"));
      assertEquals(new Verdict.Copied("honest"), verdicts.get("sybil-1"));
      assertEquals(new Verdict.Copied("honest"), verdicts.get("sybil-2"));
      verdicts.forEach((hotkey, verdict) -> totals.merge(hotkey, verdict.score(), Double::sum));
    }

    assertEquals(0, totals.get("copycat"));
    assertTrue(totals.get("honest") > totals.get("honest-naive"), totals.toString());
    assertTrue(totals.get("honest-naive") > totals.get("lazy-random"), totals.toString());
    assertTrue(totals.get("lazy-random") > totals.get("lazy-constant"), totals.toString());
  }

  @Test
  void shouldFlagSybilsThatServeAModelNoOneElseHas() {
    ForecastQuery query = new ForecastQuery(Doubles.of(1, 2, 3), 1);
    List<Miner<ForecastQuery, ForecastAnswer>> sybils = Strategies.sybils(List.of("s1", "s2", "s3"), NAIVE, MS);

    SortedMap<String, Verdict> verdicts = new RoundScorer<>(ForecastScoring.similarity(0.01))
        .verdicts(LocalRound.play(query, sybils, 10 * MS), ForecastScoring.against(Doubles.of(4)));

    verdicts.values().forEach(v -> assertInstanceOf(Verdict.Copied.class, v));
  }

  @Test
  void shouldRecordAFailingModelAsNoAnswer() {
    Model<ForecastQuery, ForecastAnswer> broken = q -> {
      throw new ModelException("out of memory");
    };

    Round<ForecastQuery, ForecastAnswer> round = LocalRound.play(
        new ForecastQuery(Doubles.of(1), 1), List.of(Strategies.honest("broken", broken, MS)), 10 * MS);

    assertEquals(List.of(new Response.NoAnswer<ForecastAnswer>("broken", "out of memory")), round.responses());
  }
}
