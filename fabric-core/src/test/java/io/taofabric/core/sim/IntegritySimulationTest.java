package io.taofabric.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forecasting subnet through 60 epochs with every kind of miner and a weight copier. */
class IntegritySimulationTest {
  private static final ForecastSimTask TASK = ForecastSubnet.task();

  private static IntegrityReport run(SimConfig config) {
    return new IntegritySimulation<ForecastQuery, ForecastAnswer>(
            TASK, ForecastSubnet.lineup().contestants(MinerMix.DEFAULT, config.seed()), config)
        .run();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldPayHonestMinersInOrderOfTheirTrueQuality(long seed) {
    IntegrityReport report = run(SimConfig.defaults(seed));

    assertTrue(report.honestShare() >= 0.9, report.lines().toString());
    assertTrue(report.spearman() >= 0.8, report.lines().toString());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void shouldPayCopiesNothing(long seed) {
    IntegrityReport report = run(SimConfig.defaults(seed));

    assertEquals(0.0, report.shareByKind().get(MinerKind.COPYCAT));
    assertEquals(0.0, report.shareByKind().get(MinerKind.SYBIL));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shouldPayTheWeightCopierAtMostHalfOnlyWhileCommitRevealHidesWeights(long seed) {
    IntegrityReport hidden = run(SimConfig.defaults(seed));
    IntegrityReport open = run(SimConfig.defaults(seed).withCommitReveal(false));

    assertTrue(open.copierRatio() >= 0.95, "without commit-reveal: " + open.copierRatio());
    assertTrue(hidden.copierRatio() <= 0.5, "with commit-reveal: " + hidden.copierRatio());
  }

  @Test
  void shouldRepeatARunExactlyForASeed() {
    assertEquals(run(SimConfig.defaults(7).withEpochs(10)), run(SimConfig.defaults(7).withEpochs(10)));
  }
}
