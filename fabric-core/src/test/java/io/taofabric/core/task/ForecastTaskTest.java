package io.taofabric.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.Doubles;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastTaskTest {
  private final ForecastTask task =
      new ForecastTask(new TimeSeries("ramp", Doubles.of(10, 11, 12, 13, 14, 15, 16)), 3, 2);

  @Test
  void shouldAskWithTheWindowEndingAtTheChosenIndex() {
    ForecastChallenge challenge = task.challengeAt(3);

    assertEquals(Doubles.of(11, 12, 13), challenge.query().window());
    assertEquals(2, challenge.query().horizon());
  }

  @Test
  void shouldRevealTheTruthOnlyOnceItsObservationsAreRevealed() {
    ForecastChallenge challenge = task.challengeAt(3);

    assertEquals(Optional.empty(), task.truth(challenge, 3));
    assertEquals(Optional.empty(), task.truth(challenge, 4));
    assertEquals(Optional.of(Doubles.of(14, 15)), task.truth(challenge, 5));
  }

  @Test
  void shouldOnlyAskWhereAWindowAndItsTruthFit() {
    assertEquals(2, task.firstEnd());
    assertEquals(4, task.lastEnd());
    assertThrows(IllegalArgumentException.class, () -> task.challengeAt(1));
    assertThrows(IllegalArgumentException.class, () -> task.challengeAt(5));
  }

  @Test
  void shouldForecastARealSeries() {
    ForecastTask dax = new ForecastTask(SeriesCatalog.DAX.load(), 30, 5);

    ForecastChallenge last = dax.challengeAt(dax.lastEnd());

    assertEquals(5473.72, dax.truth(last, 1_859).orElseThrow().last());
    assertTrue(last.query().window().allFinite());
  }
}
