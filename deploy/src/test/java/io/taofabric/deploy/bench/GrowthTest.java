package io.taofabric.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthTest {
  @Test
  void describesEachStepWithItsRatiosAndExponent() {
    String line =
        Growth.describe(
                "time",
                "n",
                List.of(new Growth.Point(64, 10), new Growth.Point(256, 160), new Growth.Point(1024, 640)))
            .orElseThrow();
    assertEquals(
        "time over n: 64 → 256 ×16.0 (n ×4.00, exponent 2.00); 256 → 1024 ×4.00 (n ×4.00, exponent 1.00)", line);
  }

  @Test
  void aSinglePointHasNoGrowth() {
    assertTrue(Growth.describe("time", "n", List.of(new Growth.Point(64, 10))).isEmpty());
  }

  @Test
  void sizesThatAreNotWholeNumbersKeepThreeFigures() {
    String line =
        Growth.describe("time", "events", List.of(new Growth.Point(1.5, 1), new Growth.Point(3, 0.5))).orElseThrow();
    assertEquals("time over events: 1.50 → 3 ×0.500 (events ×2.00, exponent -1.00)", line);
  }

  @Test
  void ratiosKeepAboutThreeSignificantFigures() {
    assertEquals("2429", Growth.ratio(2429.4));
    assertEquals("96.2", Growth.ratio(96.24));
    assertEquals("1.83", Growth.ratio(1.834));
    assertEquals("0.857", Growth.ratio(0.8571));
  }
}
