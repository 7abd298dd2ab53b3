package io.taofabric.core.crypto;

import static io.taofabric.core.crypto.NonceWindow.Verdict.FRESH;
import static io.taofabric.core.crypto.NonceWindow.Verdict.REPLAYED;
import static io.taofabric.core.crypto.NonceWindow.Verdict.STALE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NonceWindowTest {
  private final NonceWindow window = new NonceWindow();

  @Test
  void shouldAcceptIncreasingNoncesAndRejectAReplay() {
    assertEquals(FRESH, window.accept(100));
    assertEquals(FRESH, window.accept(101));

    assertEquals(REPLAYED, window.accept(101));
    assertEquals(REPLAYED, window.accept(100));
    assertEquals(101, window.highest());
  }

  @Test
  void shouldAcceptOutOfOrderNoncesInsideTheWindowOnce() {
    window.accept(1_000);

    assertEquals(FRESH, window.accept(990));
    assertEquals(REPLAYED, window.accept(990));
    assertEquals(FRESH, window.accept(1_000 - NonceWindow.WIDTH + 1));
  }

  @Test
  void shouldRejectStaleNonces() {
    window.accept(1_000);

    assertEquals(STALE, window.accept(1_000 - NonceWindow.WIDTH));
    assertEquals(STALE, window.accept(0));
    assertEquals(STALE, window.accept(-5));
  }

  @Test
  void shouldForgetNothingInsideTheWindowAfterALongJump() {
    window.accept(10);
    window.accept(10 + 5 * NonceWindow.WIDTH);

    assertEquals(STALE, window.accept(10));
    assertEquals(REPLAYED, window.accept(10 + 5 * NonceWindow.WIDTH));
    assertEquals(FRESH, window.accept(10 + 5 * NonceWindow.WIDTH - 1));
  }

  @Test
  void shouldNotRecordWhenOnlyChecking() {
    assertEquals(FRESH, window.check(7));
    assertEquals(FRESH, window.accept(7));
  }

  @Test
  void shouldHandOutStrictlyIncreasingNoncesEvenWhenTheClockStalls() {
    NonceSource nonces = new NonceSource(() -> 42);

    long first = nonces.next();
    long second = nonces.next();

    assertEquals(42, first);
    assertTrue(second > first);
  }
}
