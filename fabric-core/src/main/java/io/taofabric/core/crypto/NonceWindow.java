package io.taofabric.core.crypto;

/**
 * Replay protection for one caller: each nonce is accepted at most once, and only within {@link
 * #WIDTH} of the highest accepted so far (the anti-replay window of IPsec, RFC 4303 §3.4.3). Nonces
 * need not arrive in order, so one validator may have several queries in flight, but a nonce the
 * window has slid past is stale. Not thread-safe: one owner checks and records.
 */
public final class NonceWindow {
  /** How far below the highest accepted nonce a new one may still be. */
  public static final int WIDTH = Long.SIZE;

  /** What the window says about a nonce. */
  public enum Verdict {
    /** Never seen and inside the window. */
    FRESH,
    /** Not positive, or at least {@link #WIDTH} below the highest accepted. */
    STALE,
    /** Already accepted. */
    REPLAYED
  }

  private long highest;
  /** Bit {@code i} is set when {@code highest - i} was accepted. */
  private long seen;

  /** The verdict on {@code nonce}, without recording it. */
  public Verdict check(long nonce) {
    if (nonce <= 0 || nonce <= highest - WIDTH) {
      return Verdict.STALE;
    }
    if (nonce > highest) {
      return Verdict.FRESH;
    }
    return (seen & (1L << (highest - nonce))) != 0 ? Verdict.REPLAYED : Verdict.FRESH;
  }

  /** Records {@code nonce} when it is fresh; returns the verdict it had. */
  public Verdict accept(long nonce) {
    Verdict verdict = check(nonce);
    if (verdict == Verdict.FRESH) {
      if (nonce > highest) {
        long shift = nonce - highest;
        seen = shift >= WIDTH ? 1L : (seen << shift) | 1L;
        highest = nonce;
      } else {
        seen |= 1L << (highest - nonce);
      }
    }
    return verdict;
  }

  /** The highest nonce accepted so far, 0 before the first. */
  public long highest() {
    return highest;
  }
}
