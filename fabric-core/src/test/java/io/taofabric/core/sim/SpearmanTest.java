package io.taofabric.core.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpearmanTest {
  @Test
  void shouldGiveTiedValuesTheirMeanRank() {
    assertArrayEquals(new double[] {1.5, 3, 1.5, 4}, Spearman.ranks(new double[] {0, 2, 0, 5}));
  }

  @Test
  void shouldBeOneForAnyIncreasingRelationAndMinusOneForADecreasingOne() {
    double[] x = {1, 2, 3, 4};
    assertEquals(1.0, Spearman.of(x, new double[] {1, 10, 100, 1000}), 1e-12);
    assertEquals(-1.0, Spearman.of(x, new double[] {9, 8, 7, -1}), 1e-12);
  }

  @Test
  void shouldMatchTheTextbookValueWithTies() {
    // ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 -> Pearson of the ranks
    assertEquals(0.9486832980505138, Spearman.of(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}), 1e-12);
  }
}
