package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.SettlementEvent.EpochCredited;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochHistoryTest {
  private final EpochHistory history = new EpochHistory(2);

  private static EpochSettled settled(long epoch) {
    return new EpochSettled(
        1, epoch, 100 + epoch * 11, List.of(new UidEmission(0, "hot-0", "cold-0", 70), new UidEmission(1, "hot-1", "cold-1", 0)));
  }

  @Test
  void shouldKeepTheStoredNumbersAndTimesNewestFirst() {
    history.fold(1, 1_000, settled(0));
    history.fold(2, 1_500, new EpochCredited(1, 0, 100));
    history.fold(3, 6_000, settled(1));

    List<EpochHistory.Epoch> latest = history.latest(5);
    assertEquals(List.of(1L, 0L), latest.stream().map(EpochHistory.Epoch::epoch).toList());
    EpochHistory.Epoch first = latest.get(1);
    assertEquals(new EpochHistory.Epoch(0, 100, 70, 1, true, 1_000, 1_500), first);
    assertEquals(1, history.uncredited());
    assertEquals(3, history.sequenceNr());
  }

  @Test
  void shouldReportEachChangeOnceAndIgnoreRepeats() {
    assertNull(((EpochHistory.Settled) history.fold(1, 1_000, settled(0))).previous());
    EpochHistory.Settled second = assertInstanceOf(EpochHistory.Settled.class, history.fold(2, 6_000, settled(1)));
    assertEquals(0, second.previous().epoch());
    assertInstanceOf(EpochHistory.Credited.class, history.fold(3, 6_100, new EpochCredited(1, 1, 111)));
    assertNull(history.fold(3, 6_100, new EpochCredited(1, 1, 111)), "an event already folded in");
  }

  @Test
  void shouldKeepOnlyTheNewestEpochsAndMarkUnrecordedTimes() {
    for (long e = 0; e < 4; e++) {
      history.fold(e + 1, 0, settled(e));
    }
    List<EpochHistory.Epoch> latest = history.latest(10);
    assertEquals(List.of(3L, 2L), latest.stream().map(EpochHistory.Epoch::epoch).toList());
    assertEquals(EpochHistory.UNKNOWN, latest.get(0).settledAtMillis());
    assertTrue(latest.get(0).json().containsKey("settled_at") && latest.get(0).json().get("settled_at") == null);
  }
}
