package io.taofabric.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationScoringTest {
  private static final ClassificationQuery QUERY = new ClassificationQuery(Doubles.of(1, 2), 3);

  @Test
  void shouldScoreCanaryAnswersByTheProbabilityOfTheKnownLabel() {
    Map<String, Double> quality = ClassificationScoring.canary(1).quality(QUERY, Map.of(
        "sure", answer(0.05, 0.9, 0.05),
        "hesitant", answer(0.3, 0.4, 0.3),
        "wrong", answer(0.6, 0.3, 0.1),
        "not-a-distribution", answer(0.1, 0.8)));

    assertEquals(0.9, quality.get("sure"), 1e-12);
    assertEquals(0.4, quality.get("hesitant"), 1e-12);
    assertEquals(0.3, quality.get("wrong"), 1e-12);
    assertEquals(0.0, quality.get("not-a-distribution"));
  }

  @Test
  void shouldScoreCorrectnessByTheMostProbableLabel() {
    Map<String, Double> quality = ClassificationScoring.correct(1).quality(QUERY, Map.of(
        "right", answer(0.1, 0.8, 0.1),
        "wrong", answer(0.6, 0.3, 0.1),
        "not-a-distribution", answer(0.1, 0.8)));

    assertEquals(Map.of("right", 1.0, "wrong", 0.0, "not-a-distribution", 0.0), quality);
  }

  @Test
  void shouldScoreUnlabelledAnswersByAgreementWithTheOthers() {
    Map<String, Double> quality = ClassificationScoring.agreement().quality(QUERY, Map.of(
        "a", answer(0.1, 0.8, 0.1),
        "b", answer(0.2, 0.7, 0.1),
        "c", answer(0.3, 0.6, 0.1),
        "d", answer(0.9, 0.05, 0.05),
        "invalid", answer(2, 0, 0)));

    assertEquals(Map.of("a", 2 / 3.0, "b", 2 / 3.0, "c", 2 / 3.0, "d", 0.0, "invalid", 0.0), quality);
  }

  @Test
  void shouldGiveALoneAnswerNoAgreement() {
    assertEquals(Map.of("a", 0.0), ClassificationScoring.agreement().quality(QUERY, Map.of("a", answer(0.1, 0.8, 0.1))));
  }

  @Test
  void shouldTellCopiedDistributionsFromAgreeingLabels() {
    AnswerSimilarity<ClassificationQuery, ClassificationAnswer> similarity = ClassificationScoring.similarity(1e-3);

    assertTrue(similarity.nearlyIdentical(QUERY, answer(0.1, 0.8, 0.1), answer(0.10005, 0.79995, 0.1)));
    assertFalse(similarity.nearlyIdentical(QUERY, answer(0.1, 0.8, 0.1), answer(0.12, 0.78, 0.1)));
  }

  @Test
  void shouldTellConfidentModelsThatAgreeOnTheLabelApart() {
    AnswerSimilarity<ClassificationQuery, ClassificationAnswer> similarity = ClassificationScoring.similarity(1e-3);

    assertFalse(similarity.nearlyIdentical(QUERY, answer(1 - 1e-8 - 1e-13, 1e-8, 1e-13), answer(1 - 2e-9 - 3e-12, 3e-12, 2e-9)));
  }

  @Test
  void shouldCatchARepeatedDistributionZerosIncluded() {
    AnswerSimilarity<ClassificationQuery, ClassificationAnswer> similarity = ClassificationScoring.similarity(1e-3);
    ClassificationAnswer answer = answer(0.75, 0.25, 0);

    assertTrue(similarity.nearlyIdentical(QUERY, answer, answer));
    assertTrue(similarity.nearlyIdentical(QUERY, answer, answer(0.75 * (1 + 1e-5), 0.25 - 0.75e-5, 0)));
  }

  private static ClassificationAnswer answer(double... probabilities) {
    return new ClassificationAnswer(Doubles.of(probabilities));
  }
}
