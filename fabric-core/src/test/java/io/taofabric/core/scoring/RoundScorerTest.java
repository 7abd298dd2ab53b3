package io.taofabric.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundScorerTest {
  private static final ForecastQuery QUERY = new ForecastQuery(Doubles.of(10, 12, 14), 2);
  private static final QualityScorer<ForecastQuery, ForecastAnswer> TRUTH = ForecastScoring.against(Doubles.of(16, 18));
  private static final RoundScorer<ForecastQuery, ForecastAnswer> SCORER = new RoundScorer<>(ForecastScoring.similarity(0.01));

  @Test
  void shouldGiveEachHotkeyItsVerdict() {
    Round<ForecastQuery, ForecastAnswer> round = new Round<>(QUERY, 100, List.of(
        answered("original", 30, 15, 19),
        answered("near-copy", 100, 15.01, 19),
        answered("late", 101, 16, 18),
        answered("other", 50, 14, 14),
        new Response.NoAnswer<>("silent", "timed out")));

    assertEquals(Map.of(
            "original", new Verdict.Scored(0.75),
            "near-copy", new Verdict.Copied("original"),
            "late", new Verdict.Late(101),
            "other", new Verdict.Scored(0.5),
            "silent", new Verdict.Missing("timed out")),
        SCORER.verdicts(round, TRUTH));
  }

  @Test
  void shouldFlagBothOfTwoIdenticalAnswersArrivingTogether() {
    Round<ForecastQuery, ForecastAnswer> round = new Round<>(QUERY, 100, List.of(
        answered("sybil-1", 40, 15, 19), answered("sybil-2", 40, 15, 19)));

    assertEquals(Map.of("sybil-1", new Verdict.Copied("sybil-2"), "sybil-2", new Verdict.Copied("sybil-1")),
        SCORER.verdicts(round, TRUTH));
  }

  @Test
  void shouldRefuseARoundWithAHotkeyTwice() {
    assertThrows(IllegalArgumentException.class,
        () -> new Round<>(QUERY, 100, List.of(answered("a", 1, 1, 1), answered("a", 2, 1, 1))));
  }

  private static Response<ForecastAnswer> answered(String hotkey, long arrivalNs, double... values) {
    return new Response.Answered<>(hotkey, new ForecastAnswer(Doubles.of(values)), arrivalNs);
  }
}
