package io.taofabric.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TempoScoresTest {
  @Test
  void shouldKeepTheGeometricMeanOfATemposRounds() {
    TempoScores scores = TempoScores.none().with(3, Map.of("a", 0.8, "b", 0.5)).with(3, Map.of("a", 0.2, "b", 0.5));

    assertEquals(0.4, scores.geometricMeans().get("a"), 1e-12);
    assertEquals(0.5, scores.geometricMeans().get("b"), 1e-12);
    assertEquals(2, scores.rounds());
  }

  @Test
  void shouldForgetEarlierTemposWhenANewOneStarts() {
    TempoScores scores = TempoScores.none().with(3, Map.of("a", 0.9, "b", 0.1)).with(4, Map.of("a", 0.1, "b", 0.9));

    assertEquals(Map.of("a", 0.1, "b", 0.9), rounded(scores.geometricMeans()));
    assertEquals(4, scores.tempo());
  }

  @Test
  void shouldCountARoundAMinerMissedAtTheFloor() {
    TempoScores scores = TempoScores.none().with(0, Map.of("a", 1.0)).with(0, Map.of("a", 1.0, "late", 1.0)).with(0, Map.of("late", 1.0));

    assertEquals(Math.cbrt(TempoScores.FLOOR), scores.geometricMeans().get("a"), 1e-12);
    assertEquals(Math.cbrt(TempoScores.FLOOR), scores.geometricMeans().get("late"), 1e-12);
  }

  @Test
  void shouldBoundScoresSoOneZeroDoesNotEraseATempo() {
    Map<String, Double> round = new HashMap<>();
    round.put("zero", 0.0);
    round.put("nan", Double.NaN);
    round.put("above", 7.0);
    TempoScores scores = TempoScores.none().with(0, round);

    assertEquals(Map.of("zero", TempoScores.FLOOR, "nan", TempoScores.FLOOR, "above", 1.0), rounded(scores.geometricMeans()));
  }

  @Test
  void shouldRefuseARoundOfAnEarlierTempo() {
    TempoScores scores = TempoScores.none().with(5, Map.of("a", 1.0));

    assertThrows(IllegalArgumentException.class, () -> scores.with(4, Map.of("a", 1.0)));
  }

  private static Map<String, Double> rounded(Map<String, Double> values) {
    Map<String, Double> rounded = new HashMap<>();
    values.forEach((k, v) -> rounded.put(k, Math.round(v * 1e9) / 1e9));
    return rounded;
  }
}
