package io.taofabric.core.fixed;

/**
 * Unsigned 128-by-64-bit division, needed because the fixed-point quotient's numerator is 96 bits
 * wide. Schoolbook division in base 2^32 with a normalised divisor (Knuth's algorithm D, in the
 * two-digit form), so each step is a 64/32 division the hardware does directly.
 */
final class UnsignedWide {
  private static final long BASE = 1L << 32;

  private UnsignedWide() {}

  /** Quotients below this are estimated in double precision and then corrected exactly. */
  private static final long ESTIMATE_LIMIT = 1L << 52;

  /**
   * Returns {@code floor(a * 2^32 / b)} for {@code 0 <= a}, {@code 0 < b} (both below 2^63), given
   * {@code a >>> 32 < b}. A double quotient is within two of the exact one when the exact one is
   * below 2^52; a 128-bit remainder then corrects it. Larger quotients take {@link #divide}.
   */
  static long divideShifted(long a, long b) {
    long estimate = (long) ((double) a * 4294967296.0 / (double) b);
    if (estimate < 0 || estimate >= ESTIMATE_LIMIT) {
      return divide(a >>> 32, a << 32, b);
    }
    // remainder r = a * 2^32 - estimate * b, as 128 bits (high, low)
    long productLow = estimate * b;
    long productHigh = Math.multiplyHigh(estimate, b);
    long numeratorLow = a << 32;
    long low = numeratorLow - productLow;
    long high = (a >>> 32) - productHigh - (Long.compareUnsigned(numeratorLow, productLow) < 0 ? 1 : 0);
    while (high < 0) {
      estimate--;
      long sum = low + b;
      high += Long.compareUnsigned(sum, low) < 0 ? 1 : 0;
      low = sum;
    }
    while (high > 0 || Long.compareUnsigned(low, b) >= 0) {
      estimate++;
      long diff = low - b;
      high -= Long.compareUnsigned(low, b) < 0 ? 1 : 0;
      low = diff;
    }
    return estimate;
  }

  /**
   * Returns {@code floor((high * 2^64 + low) / divisor)}, all unsigned. The caller guarantees
   * {@code high < divisor} (unsigned), so the quotient fits in 64 bits.
   */
  static long divide(long high, long low, long divisor) {
    if (high == 0 && low >= 0 && divisor > 0) {
      return low / divisor;
    }
    int shift = Long.numberOfLeadingZeros(divisor);
    long v = divisor << shift;
    long vHigh = v >>> 32;
    long vLow = Fixed.low32(v);
    long numeratorHigh = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
    long numeratorLow = low << shift;
    long digit1 = numeratorLow >>> 32;
    long digit0 = Fixed.low32(numeratorLow);

    long q1 = quotientDigit(numeratorHigh, digit1, vHigh, vLow);
    long remainder = (numeratorHigh << 32) + digit1 - q1 * v;
    long q0 = quotientDigit(remainder, digit0, vHigh, vLow);
    return (q1 << 32) | q0;
  }

  /** One base-2^32 quotient digit of {@code (top * 2^32 + nextDigit) / (vHigh * 2^32 + vLow)}. */
  private static long quotientDigit(long top, long nextDigit, long vHigh, long vLow) {
    long q = Long.divideUnsigned(top, vHigh);
    long rhat = top - q * vHigh;
    while (Long.compareUnsigned(q, BASE) >= 0
        || Long.compareUnsigned(q * vLow, (rhat << 32) | nextDigit) > 0) {
      q--;
      rhat += vHigh;
      if (Long.compareUnsigned(rhat, BASE) >= 0) {
        break;
      }
    }
    return q;
  }
}
