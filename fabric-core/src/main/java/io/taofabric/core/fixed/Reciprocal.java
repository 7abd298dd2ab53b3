package io.taofabric.core.fixed;

/**
 * {@link Fixed#div} by one divisor many times over, as the normalising kernels divide a whole row
 * or column by its sum: the divisor's reciprocal is computed once, and each quotient then costs a
 * multiplication and one exact correction instead of a hardware division. Results are identical
 * to {@link Fixed#div} for every dividend; the ones outside the fast path go through it.
 *
 * <p>The quotient {@code floor(a · 2^32 / b)} equals {@code floor(a · 2^u / d)} with {@code b = d
 * · 2^(32 − u)}, where up to 32 trailing zero bits of {@code b} are cancelled (sums of u16 values
 * stored as I32F32 integers have 32 of them). With {@code N = a · 2^u < 2^64} and {@code r =
 * floor((2^64 − 1) / d)}, {@code floor(N · r / 2^64)} is the quotient or one less: the reciprocal
 * is short of {@code 2^64 / d} by at most 1, so the product is short of {@code N / d} by at most
 * {@code N / 2^64 < 1} before its own floor.
 */
public final class Reciprocal {
  /** Marks a divisor without a fast path (see {@link #of}). */
  private static final long NONE = 0;

  /** Reduced divisors d above this (divisors of 2^30 and more) are left to Fixed.div. */
  private static final long LARGEST_REDUCED = (1L << 62) - 1;

  private Reciprocal() {}

  /**
   * The reciprocal of {@code divisor} to pass to {@link #divide}, or a marker that sends every
   * division by it to {@link Fixed#div}: for divisors that are not positive, or whose reduced
   * divisor {@code d} (up to 32 trailing zero bits cancelled) is 1 or at least 2^62.
   */
  public static long of(long divisor) {
    if (divisor <= 0) {
      return NONE;
    }
    long d = divisor >>> cancelledBits(divisor);
    if (d == 1 || d > LARGEST_REDUCED) {
      return NONE; // with d = 1 the quotient is N itself and may overflow; both are rare
    }
    return Long.divideUnsigned(-1L, d);
  }

  /** {@code Fixed.div(a, divisor)}, given {@code reciprocal = of(divisor)}. */
  public static long divide(long a, long divisor, long reciprocal) {
    if (reciprocal == NONE || a < 0) {
      return Fixed.div(a, divisor);
    }
    int shift = cancelledBits(divisor);
    int up = Fixed.FRAC_BITS - shift;
    long numerator = a << up;
    if (numerator >>> up != a) {
      return Fixed.div(a, divisor); // N needs more than 64 bits
    }
    long d = divisor >>> shift;
    // high half of the unsigned product; the reciprocal is below 2^63 (d >= 2), N may not be
    long q = Math.multiplyHigh(numerator, reciprocal) + ((numerator >> 63) & reciprocal);
    // the remainder N − q·d lies in [0, 2d), below 2^63 as d < 2^62, so its excess over d has the
    // sign of "no correction"; an arithmetic correction, because a branch on it is unpredictable
    // (a column's maximum divided by itself needs it, its other entries mostly do not);
    // d >= 2 keeps q below 2^63, so no overflow case remains
    return q + 1 + ((numerator - q * d - d) >> 63);
  }

  private static int cancelledBits(long divisor) {
    return Math.min(Long.numberOfTrailingZeros(divisor), Fixed.FRAC_BITS);
  }
}
