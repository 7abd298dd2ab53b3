package io.taofabric.core.tx;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TokenBucket} per signer under one {@link RateLimit}, for a gateway to hold. Thread-safe:
 * each signer's bucket is replaced atomically. Memory stays bounded by the signers active
 * recently: at most once per {@link RateLimit#fillMicros()}, buckets that have filled up again are
 * dropped, since a full bucket is what an unknown signer starts with anyway.
 */
public final class SignerRateLimiter {
  private final RateLimit limit;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweepMicros = new AtomicLong();

  /** Signers each limited to {@code limit}. */
  public SignerRateLimiter(RateLimit limit) {
    this.limit = limit;
  }

  /**
   * Takes one of {@code signer}'s tokens at {@code nowMicros}: 0 when it was taken, otherwise how
   * long until one is back (positive, in microseconds), for a Retry-After.
   */
  public long acquire(String signer, long nowMicros) {
    sweepIfDue(nowMicros);
    long[] retryAfter = new long[1];
    buckets.compute(
        signer,
        (key, bucket) -> {
          TokenBucket.Take take = (bucket == null ? limit.full(nowMicros) : bucket).take(limit, nowMicros);
          retryAfter[0] = take.retryAfterMicros();
          return take.bucket();
        });
    return retryAfter[0];
  }

  /** How many signers hold a bucket that is not full (or was not, when last swept). */
  public int trackedSigners() {
    return buckets.size();
  }

  private void sweepIfDue(long nowMicros) {
    long last = lastSweepMicros.get();
    if (nowMicros - last >= limit.fillMicros() && lastSweepMicros.compareAndSet(last, nowMicros)) {
      // a conditional removal per entry: a bucket replaced since it was read stays
      buckets.values().removeIf(bucket -> bucket.isFull(limit, nowMicros));
    }
  }
}
