package io.taofabric.core.fixed;

/**
 * I32F32 fixed-point arithmetic on raw {@code long} bits (32 integer bits, 32 fractional bits), with
 * the rounding of {@code substrate_fixed} v0.6.0 that the reference chain uses: multiplication
 * floors, division truncates toward zero, conversion to integers floors. Every consensus quantity
 * in this project is a {@code long} holding these bits; nothing on the consensus path uses floating
 * point.
 */
public final class Fixed {
  /** Number of fractional bits. */
  public static final int FRAC_BITS = 32;

  /** 1.0. */
  public static final long ONE = 1L << FRAC_BITS;

  /** 0.5. */
  public static final long HALF = 1L << (FRAC_BITS - 1);

  /** The largest u16, the storage encoding of the proportion 1.0. */
  public static final int U16_MAX = 65535;

  /** 65535.0. */
  public static final long U16_MAX_FIXED = (long) U16_MAX << FRAC_BITS;

  /** e truncated to 23 fractional bits, as substrate_fixed's I9F23 constant widened to I32F32. */
  static final long E_BITS = 11_674_931_200L;

  private static final long LOW_32 = 0xFFFF_FFFFL;
  private static final long U16_MAX_RECIPROCAL = Reciprocal.of(U16_MAX_FIXED);
  private static final int EXP_TERMS = 32;
  private static final long EXP_ERROR = -1L;
  private static final long EXP_CLAMP = 20L << FRAC_BITS;

  private Fixed() {}

  /** Integer to fixed, exact, saturating outside the representable range. */
  public static long fromInt(long v) {
    if (v > Integer.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    if (v < Integer.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    return v << FRAC_BITS;
  }

  /** Saturating addition (plain sums of proportions never get near the limits). */
  public static long addSat(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  /** Saturating subtraction. */
  public static long subSat(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  /** {@code saturating_mul}: the floor of the exact product, clamped to the range. */
  public static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    if (hi != (int) hi) {
      return hi < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return (hi << FRAC_BITS) | ((a * b) >>> FRAC_BITS);
  }

  /** {@code checked_mul(..).unwrap_or(0)}: the floor of the exact product, or 0 on overflow. */
  public static long mulOrZero(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    if (hi != (int) hi) {
      return 0;
    }
    return (hi << FRAC_BITS) | ((a * b) >>> FRAC_BITS);
  }

  /** {@code safe_div}: the quotient truncated toward zero; 0 on division by zero or overflow. */
  public static long div(long a, long b) {
    if (b == 0) {
      return 0;
    }
    if (a == (int) a && b != -1) {
      return (a << FRAC_BITS) / b;
    }
    return wideDiv(a, b, false);
  }

  /** {@code saturating_div}: the quotient truncated toward zero, clamped to the range. */
  public static long divSat(long a, long b) {
    if (b == 0) {
      throw new ArithmeticException("fixed-point division by zero");
    }
    if (a == (int) a && b != -1) {
      return (a << FRAC_BITS) / b;
    }
    return wideDiv(a, b, true);
  }

  /**
   * The exact ratio of two non-negative integers as I32F32, {@code floor(numerator · 2^32 /
   * denominator)}, saturating at the maximum (amounts of rao are far wider than I32F32 integers).
   */
  public static long ratio(long numerator, long denominator) {
    if (numerator < 0 || denominator <= 0) {
      throw new IllegalArgumentException("ratio needs numerator >= 0 and denominator > 0");
    }
    long hi = numerator >>> (64 - FRAC_BITS);
    if (hi >= denominator) {
      return Long.MAX_VALUE;
    }
    long q = UnsignedWide.divide(hi, numerator << FRAC_BITS, denominator);
    return q < 0 ? Long.MAX_VALUE : q;
  }

  /** Floor to an unsigned integer, clamped to {@code [0, max]} ({@code saturating_to_num}). */
  public static long toUnsignedFloor(long a, long max) {
    long v = a >> FRAC_BITS;
    if (v < 0) {
      return 0;
    }
    return Math.min(v, max);
  }

  /** {@code fixed_proportion_to_u16}: {@code floor(x * 65535)}, clamped to [0, 65535]. */
  public static int proportionToU16(long a) {
    return (int) toUnsignedFloor(mul(a, U16_MAX_FIXED), U16_MAX);
  }

  /** {@code u16_proportion_to_fixed}: {@code v / 65535}, truncated. */
  public static long u16Proportion(long v) {
    return Reciprocal.divide(fromInt(v), U16_MAX_FIXED, U16_MAX_RECIPROCAL);
  }

  /** {@code I32F32::round()}: to the nearest integer, ties away from zero. */
  public static long round(long a) {
    if (a >= 0) {
      return ((a + HALF) >> FRAC_BITS) << FRAC_BITS;
    }
    return -(((-a + HALF) >> FRAC_BITS) << FRAC_BITS);
  }

  /** Clamps {@code v} into {@code [lo, hi]}. */
  public static long clamp(long v, long lo, long hi) {
    return Math.max(Math.min(v, hi), lo);
  }

  /**
   * {@code exp_safe}: the substrate_fixed Taylor-series exponential with x clamped to [-20, 20];
   * on an internal overflow it returns 0 for x ≤ 0 and the maximum otherwise.
   */
  public static long expSafe(long x) {
    long clamped = clamp(x, -EXP_CLAMP, EXP_CLAMP);
    long r = exp(clamped);
    if (r == EXP_ERROR) {
      return clamped <= 0 ? 0 : Long.MAX_VALUE;
    }
    return r;
  }

  /** substrate_fixed's {@code exp}: 31 series terms, each floored then truncated; −1 on overflow. */
  static long exp(long op) {
    if (op == 0) {
      return ONE;
    }
    if (op == ONE) {
      return E_BITS;
    }
    boolean negative = op < 0;
    if (negative) {
      if (op == Long.MIN_VALUE) {
        return EXP_ERROR;
      }
      op = -op;
    }
    if (op > Long.MAX_VALUE - ONE) {
      return EXP_ERROR;
    }
    long result = op + ONE;
    long term = op;
    for (int i = 2; i < EXP_TERMS; i++) {
      long hi = Math.multiplyHigh(term, op);
      if (hi != (int) hi) {
        return EXP_ERROR;
      }
      term = ((hi << FRAC_BITS) | ((term * op) >>> FRAC_BITS)) / i;
      if (result > Long.MAX_VALUE - term) {
        return EXP_ERROR;
      }
      result += term;
    }
    return negative ? div(ONE, result) : result;
  }

  /**
   * {@code trunc(a * 2^32 / b)} for any operands: the numerator is 96 bits wide, so this divides
   * the magnitudes as unsigned 128/64 and applies the sign; on overflow it saturates or returns 0.
   */
  private static long wideDiv(long a, long b, boolean saturate) {
    // a common factor 2^k leaves the quotient unchanged; u16 values stored as I32F32 integers
    // (and sums of them) share 32 zero bits, which brings most epoch divisions to the fast path
    int common = Math.min(Long.numberOfTrailingZeros(a), Long.numberOfTrailingZeros(b));
    if (common > 0 && common < 63) {
      a >>= common;
      b >>= common;
      if (a == (int) a && b != -1) {
        return (a << FRAC_BITS) / b;
      }
    }
    boolean negative = (a < 0) != (b < 0);
    long ua = Math.abs(a); // Long.MIN_VALUE stays 2^63 when read unsigned: its magnitude
    long ub = Math.abs(b);
    long hi = ua >>> (64 - FRAC_BITS);
    long lo = ua << FRAC_BITS;
    if (Long.compareUnsigned(hi, ub) < 0) {
      long q = ua >= 0 && ub > 0 ? UnsignedWide.divideShifted(ua, ub) : UnsignedWide.divide(hi, lo, ub);
      if (!negative && q >= 0) {
        return q;
      }
      if (negative && Long.compareUnsigned(q, Long.MIN_VALUE) <= 0) {
        return -q;
      }
    }
    if (!saturate) {
      return 0;
    }
    return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** Low 32 bits mask, shared with the wide division. */
  static long low32(long v) {
    return v & LOW_32;
  }
}
