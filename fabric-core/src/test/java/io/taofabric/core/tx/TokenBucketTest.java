package io.taofabric.core.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final RateLimit THREE_THEN_ONE_A_SECOND = new RateLimit(3, 1_000_000);
  private static final long T0 = 1_700_000_000_000_000L;

  @Test
  void shouldAllowABurstThenRefuseWithTheWaitUntilTheNextToken() {
    TokenBucket bucket = THREE_THEN_ONE_A_SECOND.full(T0);
    for (int i = 0; i < 3; i++) {
      TokenBucket.Take take = bucket.take(THREE_THEN_ONE_A_SECOND, T0);
      assertTrue(take.allowed());
      assertEquals(0, take.retryAfterMicros());
      bucket = take.bucket();
    }

    TokenBucket.Take refused = bucket.take(THREE_THEN_ONE_A_SECOND, T0 + 250_000);

    assertFalse(refused.allowed());
    assertEquals(750_000, refused.retryAfterMicros());
    assertEquals(0, refused.bucket().tokens());
  }

  @Test
  void shouldRefillOneWholeTokenPerIntervalKeepingTheRemainder() {
    TokenBucket empty = new TokenBucket(0, T0);

    TokenBucket.Take afterOneAndAHalf = empty.take(THREE_THEN_ONE_A_SECOND, T0 + 1_500_000);
    TokenBucket.Take half = afterOneAndAHalf.bucket().take(THREE_THEN_ONE_A_SECOND, T0 + 1_500_000);
    TokenBucket.Take atTwo = afterOneAndAHalf.bucket().take(THREE_THEN_ONE_A_SECOND, T0 + 2_000_000);

    assertTrue(afterOneAndAHalf.allowed());
    assertFalse(half.allowed());
    assertEquals(500_000, half.retryAfterMicros());
    assertTrue(atTwo.allowed(), "the half interval was kept");
  }

  @Test
  void shouldNeverHoldMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(0, T0);
    long later = T0 + 3_600_000_000L;

    assertTrue(bucket.isFull(THREE_THEN_ONE_A_SECOND, later));
    for (int i = 0; i < 3; i++) {
      TokenBucket.Take take = bucket.take(THREE_THEN_ONE_A_SECOND, later);
      assertTrue(take.allowed());
      bucket = take.bucket();
    }
    assertFalse(bucket.take(THREE_THEN_ONE_A_SECOND, later).allowed());
  }

  @Test
  void shouldRefillNothingWhenTheClockStepsBack() {
    TokenBucket empty = new TokenBucket(0, T0);

    TokenBucket.Take take = empty.take(THREE_THEN_ONE_A_SECOND, T0 - 10_000_000);

    assertFalse(take.allowed());
    assertEquals(11_000_000, take.retryAfterMicros());
    assertEquals(empty, take.bucket());
  }

  @Test
  void shouldRefuseNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(-1, T0));
    assertThrows(IllegalArgumentException.class, () -> THREE_THEN_ONE_A_SECOND.full(T0).take(THREE_THEN_ONE_A_SECOND, -1));
  }
}
