package io.taofabric.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.core.task.TimeSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of round scoring that must hold whatever the miners send. */
class ScoringProperties {
  private static final RoundScorer<ForecastQuery, ForecastAnswer> SCORER =
      new RoundScorer<>(ForecastScoring.similarity(0.01));
  private static final Map<SeriesCatalog, TimeSeries> SERIES = new EnumMap<>(SeriesCatalog.class);

  @Property(tries = 500)
  void shouldGiveEveryQueriedMinerAScoreWithinZeroAndOne(@ForAll long seed) {
    ForecastRounds.Generated generated = ForecastRounds.generate(seed);

    SortedMap<String, Double> scores = SCORER.scores(generated.round(), ForecastScoring.against(generated.truth()));

    assertEquals(generated.round().responses().size(), scores.size());
    scores.values().forEach(s -> assertTrue(s >= 0 && s <= 1, "score " + s));
  }

  @Property(tries = 500)
  void shouldNeverLetACopyOutscoreItsOriginal(@ForAll long seed) {
    ForecastRounds.Generated generated = ForecastRounds.generate(seed);

    SortedMap<String, Verdict> verdicts = SCORER.verdicts(generated.round(), ForecastScoring.against(generated.truth()));

    verdicts.forEach((hotkey, verdict) -> {
      if (verdict instanceof Verdict.Copied copied) {
        assertTrue(verdict.score() <= verdicts.get(copied.original()).score(), hotkey + " outscored " + copied.original());
      }
    });
  }

  @Property(tries = 300)
  void shouldPermuteScoresWhenMinersArePermuted(@ForAll long seed) {
    ForecastRounds.Generated generated = ForecastRounds.generate(seed);
    Round<ForecastQuery, ForecastAnswer> round = generated.round();
    List<String> renamed = new ArrayList<>();
    for (Response<ForecastAnswer> r : round.responses()) {
      renamed.add("renamed-" + r.hotkey());
    }
    Collections.shuffle(renamed, new Random(seed));
    List<Response<ForecastAnswer>> permuted = new ArrayList<>();
    for (int i = 0; i < renamed.size(); i++) {
      permuted.add(renameTo(round.responses().get(i), renamed.get(i)));
    }
    Collections.shuffle(permuted, new Random(~seed));

    SortedMap<String, Double> before = SCORER.scores(round, ForecastScoring.against(generated.truth()));
    SortedMap<String, Double> after =
        SCORER.scores(new Round<>(round.query(), round.deadlineNs(), permuted), ForecastScoring.against(generated.truth()));

    for (int i = 0; i < renamed.size(); i++) {
      assertEquals(before.get(round.responses().get(i).hotkey()), after.get(renamed.get(i)));
    }
  }

  /**
   * A lazy miner's constant, whatever it is, scores no better on average than repeating the last
   * value over every window of a real series. (A constant may win single windows, which is why this
   * is an average, the quantity a moving average of scores approaches.)
   */
  @Property(tries = 60)
  void shouldScoreAConstantForecastNoBetterThanTheNaiveOneOnARealSeries(
      @ForAll SeriesCatalog entry,
      @ForAll @DoubleRange(min = 0, max = 1) double level,
      @ForAll @IntRange(min = 1, max = 12) int horizon) {
    TimeSeries series = SERIES.computeIfAbsent(entry, SeriesCatalog::load);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < series.length(); i++) {
      min = Math.min(min, series.values().get(i));
      max = Math.max(max, series.values().get(i));
    }
    double[] constant = new double[horizon];
    Arrays.fill(constant, min + level * (max - min));
    ForecastAnswer lazy = new ForecastAnswer(Doubles.of(constant));
    ForecastTask task = new ForecastTask(series, 24, horizon);

    double lazyTotal = 0;
    double naiveTotal = 0;
    for (int end = task.firstEnd(); end <= task.lastEnd(); end++) {
      ForecastChallenge challenge = task.challengeAt(end);
      Doubles truth = task.truth(challenge, series.length() - 1).orElseThrow();
      ForecastAnswer naive = new ForecastAnswer(ForecastScoring.naive(challenge.query()));
      lazyTotal += ForecastScoring.score(challenge.query(), truth, lazy);
      naiveTotal += ForecastScoring.score(challenge.query(), truth, naive);
    }

    assertTrue(lazyTotal <= naiveTotal, entry + ": constant " + lazyTotal + " > naive " + naiveTotal);
  }

  private static Response<ForecastAnswer> renameTo(Response<ForecastAnswer> response, String hotkey) {
    if (response instanceof Response.Answered<ForecastAnswer> a) {
      return new Response.Answered<>(hotkey, a.answer(), a.arrivalNs());
    }
    return new Response.NoAnswer<>(hotkey, ((Response.NoAnswer<ForecastAnswer>) response).reason());
  }
}
