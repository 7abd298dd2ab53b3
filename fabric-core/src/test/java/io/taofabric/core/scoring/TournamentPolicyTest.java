package io.taofabric.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TournamentPolicyTest {
  @Test
  void shouldPayEachScoreRelativeToTheBestRaisedToTheSharpness() {
    Map<String, Double> rewards = new TournamentPolicy(1, 2).rewards(Map.of("best", 0.8, "half", 0.4, "none", 0.0));

    assertEquals(1.0, rewards.get("best"), 1e-12);
    assertEquals(0.25, rewards.get("half"), 1e-12);
    assertEquals(0.0, rewards.get("none"), 1e-12);
  }

  @Test
  void shouldLetTheBestTakeAllAtInfiniteSharpnessAndTiesShare() {
    TournamentPolicy winnerTakesAll = new TournamentPolicy(1, Double.POSITIVE_INFINITY);

    assertEquals(Map.of("a", 1.0, "b", 1.0, "c", 0.0), winnerTakesAll.rewards(Map.of("a", 0.9, "b", 0.9, "c", 0.8999)));
  }

  @Test
  void shouldPayNothingWhenNothingScored() {
    assertEquals(Map.of("a", 0.0, "b", 0.0), TournamentPolicy.FORECASTING.rewards(Map.of("a", 0.0, "b", 0.0)));
  }

  @Test
  void shouldRewardATemposScoresByTheirGeometricMeans() {
    TempoScores tempo = TempoScores.none().with(0, Map.of("steady", 0.5, "erratic", 1.0)).with(0, Map.of("steady", 0.5, "erratic", 0.2));

    assertEquals(Map.of("steady", 1.0, "erratic", 0.0), TournamentPolicy.CLASSIFICATION.rewards(tempo));
  }

  @Test
  void shouldRefuseFlatteningOrEmptyPolicies() {
    assertThrows(IllegalArgumentException.class, () -> new TournamentPolicy(1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new TournamentPolicy(1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new TournamentPolicy(0, 2));
  }
}
