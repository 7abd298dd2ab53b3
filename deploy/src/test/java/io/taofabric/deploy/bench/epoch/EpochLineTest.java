package io.taofabric.deploy.bench.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpochLineTest {
  private static final ReferenceRun.Agreement AGREE = new ReferenceRun.Agreement(true, "they agree");

  private static EpochLine measured(int n, String mode, double micros, double referenceMs) {
    return EpochLine.withBaseline(
        new EngineFigure(n, mode, micros, 1.5, 660_000),
        new ReferenceRun(new double[] {referenceMs}, new long[0], new long[0]),
        AGREE);
  }

  @Test
  void printsTheFigureItsBaselineAndTheRatio() {
    EpochLine line = measured(256, "classic", 750, 72);
    assertEquals(96.0, line.ratio(), 1e-9);
    assertEquals(
        "n 256 classic (16,384 weights): 750.0 ± 1.5 µs/epoch, 0.66 MB/epoch; yuma_ref.py 72.0 ms/epoch (1 epochs);"
            + " ratio 96.0x; they agree",
        line.format());
    assertFalse(line.disagrees());
  }

  @Test
  void saysWhyThereIsNoBaselineAndWhenJmhGaveNoError() {
    EpochLine line =
        EpochLine.withoutBaseline(
            new EngineFigure(4096, "yuma3", 42_000, Double.NaN, Double.NaN), "baseline unavailable (no python3)");
    assertEquals("n 4096 yuma3 (1,048,576 weights): 42000.0 ± n/a µs/epoch; baseline unavailable (no python3)", line.format());
    assertFalse(line.disagrees());
  }

  @Test
  void aDisagreementIsFlagged() {
    EpochLine line =
        EpochLine.withBaseline(
            new EngineFigure(64, "classic", 40, 1, 50_000),
            new ReferenceRun(new double[] {4}, new long[0], new long[0]),
            new ReferenceRun.Agreement(false, "DIFFER"));
    assertTrue(line.disagrees());
  }

  @Test
  void growthPerModeForTheEngineAndTheReference() {
    List<String> growth =
        EpochLine.growth(
            List.of(
                measured(64, "classic", 50, 5),
                measured(64, "yuma3", 40, 5),
                measured(256, "classic", 800, 80),
                EpochLine.withoutBaseline(new EngineFigure(256, "yuma3", 640, 1, 1), "not run")));
    assertEquals(
        List.of(
            "classic engine time per epoch over n: 64 → 256 ×16.0 (n ×4.00, exponent 2.00)",
            "classic yuma_ref.py time per epoch over n: 64 → 256 ×16.0 (n ×4.00, exponent 2.00)",
            "yuma3 engine time per epoch over n: 64 → 256 ×16.0 (n ×4.00, exponent 2.00)"),
        growth);
  }
}
