package io.taofabric.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityReportTest {
  private static IntegrityReport report(double honestShare, double spearman, double copierRatio) {
    return new IntegrityReport(List.of(), List.of(), honestShare, spearman, copierRatio);
  }

  @Test
  void shouldTakeEachFigureFromTheWorstSubnet() {
    List<String> worst = IntegrityReport.worstFigures(List.of(report(0.97, 0.91, 0.25), report(0.99, 0.84, 0.34)));

    assertEquals(
        List.of(
            "honest share of miner emission: 0.9700",
            "spearman(incentive, true quality): 0.8400",
            "copier validator dividends per stake vs honest: 0.3400"),
        worst);
  }

  @Test
  void shouldRefuseANetworkOfNoSubnet() {
    assertThrows(IllegalArgumentException.class, () -> IntegrityReport.worstFigures(List.of()));
  }
}
