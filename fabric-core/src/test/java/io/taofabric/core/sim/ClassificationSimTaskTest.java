package io.taofabric.core.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import org.junit.jupiter.api.Test;

class ClassificationSimTaskTest {
  private static final ClassificationQuery QUERY = new ClassificationQuery(Doubles.of(1, 2), 3);

  @Test
  void shouldTellConfidentModelsThatAgreeOnTheLabelApart() {
    ClassificationAnswer one = new ClassificationAnswer(Doubles.of(1 - 1e-8 - 1e-13, 1e-8, 1e-13));
    ClassificationAnswer other = new ClassificationAnswer(Doubles.of(1 - 2e-9 - 3e-12, 3e-12, 2e-9));

    assertFalse(ClassificationSimTask.nearlyIdentical(QUERY, one, other));
  }

  @Test
  void shouldCatchARepeatedDistributionZerosIncluded() {
    ClassificationAnswer answer = new ClassificationAnswer(Doubles.of(0.75, 0.25, 0));
    ClassificationAnswer nudged = new ClassificationAnswer(Doubles.of(0.75 * (1 + 1e-5), 0.25 - 0.75e-5, 0));

    assertTrue(ClassificationSimTask.nearlyIdentical(QUERY, answer, answer));
    assertTrue(ClassificationSimTask.nearlyIdentical(QUERY, answer, nudged));
  }
}
