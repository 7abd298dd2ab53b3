package io.taofabric.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignerRateLimiterTest {
  private static final RateLimit TWO_THEN_ONE_A_SECOND = new RateLimit(2, 1_000_000);
  private static final long T0 = 1_700_000_000_000_000L;

  private final SignerRateLimiter limiter = new SignerRateLimiter(TWO_THEN_ONE_A_SECOND);

  @Test
  void shouldLimitEachSignerOnItsOwn() {
    assertEquals(0, limiter.acquire("alice", T0));
    assertEquals(0, limiter.acquire("alice", T0));
    assertEquals(1_000_000, limiter.acquire("alice", T0));

    assertEquals(0, limiter.acquire("bob", T0), "alice's burst is not bob's");
    assertEquals(0, limiter.acquire("alice", T0 + 1_000_000));
  }

  @Test
  void shouldForgetSignersWhoseBucketsHaveFilledAgain() {
    limiter.acquire("alice", T0);
    limiter.acquire("bob", T0);
    assertEquals(2, limiter.trackedSigners());

    limiter.acquire("carol", T0 + TWO_THEN_ONE_A_SECOND.fillMicros());

    assertEquals(1, limiter.trackedSigners(), "alice and bob are full again, carol just spent a token");
    assertEquals(0, limiter.acquire("alice", T0 + TWO_THEN_ONE_A_SECOND.fillMicros()));
    assertEquals(0, limiter.acquire("alice", T0 + TWO_THEN_ONE_A_SECOND.fillMicros()), "forgotten means full");
  }
}
