package io.taofabric.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelsTest {
  @Test
  void shouldAnswerWithThePlainFunction() throws ModelException {
    Model<ForecastQuery, ForecastAnswer> lastValue =
        Models.function(q -> new ForecastAnswer(Doubles.of(q.window().last(), q.window().last())));

    assertEquals(
        new ForecastAnswer(Doubles.of(3, 3)), lastValue.answer(new ForecastQuery(Doubles.of(1, 2, 3), 2)));
  }

  @Test
  void shouldTurnAFailingFunctionIntoAModelException() {
    Model<String, String> failing = Models.function(q -> {
      throw new IllegalStateException("weights not loaded");
    });

    ModelException e = assertThrows(ModelException.class, () -> failing.answer("q"));
    assertTrue(e.getMessage().contains("weights not loaded"), e.getMessage());
  }

  @Test
  void shouldRefuseANullAnswer() {
    Model<String, String> silent = Models.function(q -> null);

    assertThrows(ModelException.class, () -> silent.answer("q"));
  }

  @Test
  void shouldLabelTheMostProbableClassAndCheckTheDistribution() {
    ClassificationQuery query = new ClassificationQuery(Doubles.of(1), 3);

    assertEquals(1, new ClassificationAnswer(Doubles.of(0.2, 0.5, 0.3)).label());
    assertTrue(new ClassificationAnswer(Doubles.of(0.2, 0.5, 0.3)).fits(query));
    assertFalse(new ClassificationAnswer(Doubles.of(0.2, 0.5)).fits(query));
    assertFalse(new ClassificationAnswer(Doubles.of(0.2, 0.5, 0.5)).fits(query));
    assertFalse(new ClassificationAnswer(Doubles.of(-0.1, 0.6, 0.5)).fits(query));
    assertFalse(new ClassificationAnswer(Doubles.of(Double.NaN, 0.5, 0.5)).fits(query));
  }
}
