package io.taofabric.core.tx;

/**
 * One signer's token bucket, as an immutable value: each transaction takes a token, and tokens come
 * back one per {@link RateLimit#refillMicros()}, up to {@link RateLimit#burst()}. Integer
 * arithmetic only: a token comes back whole, and the time of a partial one is kept in {@code
 * refilledAtMicros}. The clock is passed in; a clock that steps back refills nothing.
 *
 * @param tokens tokens left, at most the limit's burst
 * @param refilledAtMicros when the tokens were last counted up
 */
public record TokenBucket(long tokens, long refilledAtMicros) {
  /** Validates the values. */
  public TokenBucket {
    if (tokens < 0 || refilledAtMicros < 0) {
      throw new IllegalArgumentException("a token bucket holds no negative values: " + tokens + ", " + refilledAtMicros);
    }
  }

  /**
   * The outcome of taking a token.
   *
   * @param allowed whether a token was taken
   * @param bucket the bucket afterwards
   * @param retryAfterMicros when refused, how long until a token is back (positive); else 0
   */
  public record Take(boolean allowed, TokenBucket bucket, long retryAfterMicros) {}

  /** Takes a token at {@code nowMicros} under {@code limit}, if one is there after refilling. */
  public Take take(RateLimit limit, long nowMicros) {
    TokenBucket refilled = refilled(limit, nowMicros);
    if (refilled.tokens > 0) {
      return new Take(true, new TokenBucket(refilled.tokens - 1, refilled.refilledAtMicros), 0);
    }
    return new Take(false, refilled, refilled.refilledAtMicros + limit.refillMicros() - nowMicros);
  }

  /** Whether the bucket is full at {@code nowMicros}, and so no different from a fresh one. */
  public boolean isFull(RateLimit limit, long nowMicros) {
    return refilled(limit, nowMicros).tokens >= limit.burst();
  }

  private TokenBucket refilled(RateLimit limit, long nowMicros) {
    if (nowMicros < 0) {
      throw new IllegalArgumentException("the clock reads before the epoch: " + nowMicros);
    }
    if (nowMicros <= refilledAtMicros) {
      return this;
    }
    long earned = (nowMicros - refilledAtMicros) / limit.refillMicros();
    if (earned >= limit.burst() - tokens) {
      return new TokenBucket(limit.burst(), nowMicros); // full: time spent full earns nothing
    }
    return new TokenBucket(tokens + earned, refilledAtMicros + earned * limit.refillMicros());
  }
}
