package io.taofabric.deploy.bench.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IterationPlanTest {
  @Test
  void splitsATotalIntoIterationsOfAtMostOneSecond() {
    assertEquals(new IterationPlan(5, 1000), IterationPlan.ofSeconds(5));
    assertEquals(new IterationPlan(1, 200), IterationPlan.ofSeconds(0.2));
    assertEquals(new IterationPlan(3, 833), IterationPlan.ofSeconds(2.5));
    assertEquals(0, IterationPlan.ofSeconds(0).iterations());
  }

  @Test
  void refusesNegativeOrNonsenseTotals() {
    assertThrows(IllegalArgumentException.class, () -> IterationPlan.ofSeconds(-1));
    assertThrows(IllegalArgumentException.class, () -> IterationPlan.ofSeconds(Double.NaN));
  }
}
