package io.taofabric.core.tx;

/**
 * A token bucket's shape: up to {@code burst} transactions at once, then one per {@code
 * refillMicros}. See {@link TokenBucket} for the bucket itself.
 *
 * @param burst the bucket's capacity, in transactions
 * @param refillMicros how long one token takes to come back
 */
public record RateLimit(int burst, long refillMicros) {
  /** Twenty at once, then one a second: far above what a wallet or validator sends, far below a flood. */
  public static final RateLimit DEFAULT = new RateLimit(20, 1_000_000);

  private static final int MAX_BURST = 1_000_000;
  private static final long MAX_REFILL_MICROS = 3_600_000_000L;

  /** Validates the shape; the bounds keep {@code burst × refillMicros} far from overflowing. */
  public RateLimit {
    if (burst < 1 || burst > MAX_BURST) {
      throw new IllegalArgumentException("burst must be in [1, " + MAX_BURST + "], got " + burst);
    }
    if (refillMicros < 1 || refillMicros > MAX_REFILL_MICROS) {
      throw new IllegalArgumentException(
          "refill must be in [1, " + MAX_REFILL_MICROS + "] microseconds, got " + refillMicros);
    }
  }

  /** A full bucket at {@code nowMicros}: what a signer not seen before starts with. */
  public TokenBucket full(long nowMicros) {
    return new TokenBucket(burst, nowMicros);
  }

  /** How long an empty bucket takes to fill: after that, a bucket nobody drew from is as good as new. */
  public long fillMicros() {
    return burst * refillMicros;
  }
}
