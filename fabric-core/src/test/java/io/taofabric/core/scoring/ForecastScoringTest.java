package io.taofabric.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import org.junit.jupiter.api.Test;

class ForecastScoringTest {
  private static final ForecastQuery QUERY = new ForecastQuery(Doubles.of(10, 12, 14), 2);
  private static final Doubles TRUTH = Doubles.of(16, 18);

  @Test
  void shouldScoreAPerfectForecastOne() {
    assertEquals(1, ForecastScoring.score(QUERY, TRUTH, forecast(16, 18)));
  }

  @Test
  void shouldScoreTheNaiveForecastOneHalf() {
    assertEquals(0.5, ForecastScoring.score(QUERY, TRUTH, new ForecastAnswer(ForecastScoring.naive(QUERY))));
  }

  @Test
  void shouldScoreByErrorRelativeToTheNaiveForecast() {
    // naive error (2 + 4) / 2 = 3; this forecast's (1 + 1) / 2 = 1: 3 / (3 + 1)
    assertEquals(0.75, ForecastScoring.score(QUERY, TRUTH, forecast(15, 19)));
    assertTrue(ForecastScoring.score(QUERY, TRUTH, forecast(0, 0)) < 0.2);
  }

  @Test
  void shouldScoreAnInvalidForecastZero() {
    assertEquals(0, ForecastScoring.score(QUERY, TRUTH, forecast(16)));
    assertEquals(0, ForecastScoring.score(QUERY, TRUTH, forecast(16, Double.NaN)));
    assertEquals(0, ForecastScoring.score(QUERY, TRUTH, forecast(Double.NEGATIVE_INFINITY, 18)));
  }

  @Test
  void shouldTreatForecastsWithinAShareOfTheTypicalStepAsNearlyIdentical() {
    AnswerSimilarity<ForecastQuery, ForecastAnswer> similarity = ForecastScoring.similarity(0.01);

    // the window moves 2 per step: 1 % of that is 0.02
    assertTrue(similarity.nearlyIdentical(QUERY, forecast(16, 18), forecast(16.015, 17.99)));
    assertFalse(similarity.nearlyIdentical(QUERY, forecast(16, 18), forecast(16.03, 18)));
    assertFalse(similarity.nearlyIdentical(QUERY, forecast(16, 18), forecast(16)));
  }

  private static ForecastAnswer forecast(double... values) {
    return new ForecastAnswer(Doubles.of(values));
  }
}
