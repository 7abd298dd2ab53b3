package io.taofabric.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NonceFreshnessTest {
  private static final long NOW = 1_700_000_000_000_000L;
  private static final long FIVE_MINUTES = 300_000_000L;

  @Test
  void shouldAcceptNoncesWithinFiveMinutesEitherWayInclusive() {
    NonceFreshness freshness = NonceFreshness.DEFAULT;

    assertNull(freshness.refusal(NOW, NOW));
    assertNull(freshness.refusal(NOW - FIVE_MINUTES, NOW));
    assertNull(freshness.refusal(NOW + FIVE_MINUTES, NOW));
  }

  @Test
  void shouldRefuseOlderNoncesAsStaleAndLaterOnesAsFuture() {
    NonceFreshness freshness = NonceFreshness.DEFAULT;

    assertEquals(Refusal.STALE_NONCE, freshness.refusal(NOW - FIVE_MINUTES - 1, NOW));
    assertEquals(Refusal.STALE_NONCE, freshness.refusal(1, NOW));
    assertEquals(Refusal.FUTURE_NONCE, freshness.refusal(NOW + FIVE_MINUTES + 1, NOW));
    assertEquals(Refusal.FUTURE_NONCE, freshness.refusal(Long.MAX_VALUE, NOW));
  }

  @Test
  void shouldHandleTheEdgesOfTheClockWithoutOverflow() {
    NonceFreshness freshness = NonceFreshness.DEFAULT;

    assertNull(freshness.refusal(1, 0));
    assertEquals(Refusal.FUTURE_NONCE, freshness.refusal(Long.MAX_VALUE, 0));
    assertNull(freshness.refusal(Long.MAX_VALUE, Long.MAX_VALUE));
    assertEquals(Refusal.STALE_NONCE, freshness.refusal(1, Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> freshness.refusal(1, -1));
  }

  @Test
  void shouldRefuseANegativeOrHugeTolerance() {
    assertThrows(IllegalArgumentException.class, () -> new NonceFreshness(-1));
    assertThrows(IllegalArgumentException.class, () -> new NonceFreshness(Long.MAX_VALUE));
    assertNull(new NonceFreshness(0).refusal(NOW, NOW));
  }
}
