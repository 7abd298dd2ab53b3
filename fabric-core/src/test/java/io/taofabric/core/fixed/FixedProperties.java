package io.taofabric.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The I32F32 operations agree with exact big-integer arithmetic and the reference's rounding. */
class FixedProperties {
  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  @Property(tries = 3000)
  void shouldFloorAndSaturateProducts(@ForAll("bits") long a, @ForAll("bits") long b) {
    BigInteger exact = floorDiv(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), BigInteger.ONE.shiftLeft(32));
    assertEquals(clamp(exact), Fixed.mul(a, b));
    assertEquals(fits(exact) ? exact.longValue() : 0, Fixed.mulOrZero(a, b));
  }

  @Property(tries = 3000)
  void shouldTruncateQuotientsAndZeroOnOverflow(@ForAll("bits") long a, @ForAll("bits") long b) {
    if (b == 0) {
      assertEquals(0, Fixed.div(a, b));
      return;
    }
    BigInteger exact = BigInteger.valueOf(a).shiftLeft(32).divide(BigInteger.valueOf(b)); // truncates
    assertEquals(fits(exact) ? exact.longValue() : 0, Fixed.div(a, b));
    assertEquals(clamp(exact), Fixed.divSat(a, b));
  }

  @Property(tries = 20000)
  void shouldDivideByAReciprocalExactly(@ForAll("bits") long a, @ForAll("divisors") long b) {
    long expected = 0;
    if (b != 0) {
      BigInteger exact = BigInteger.valueOf(a).shiftLeft(32).divide(BigInteger.valueOf(b)); // truncates
      expected = fits(exact) ? exact.longValue() : 0;
    }
    assertEquals(expected, Reciprocal.divide(a, b, Reciprocal.of(b)), a + " / " + b);
  }

  @Property(tries = 2000)
  void shouldGiveExactRatiosOfAmounts(
      @ForAll("amounts") long numerator, @ForAll("amounts") long denominator) {
    if (denominator == 0) {
      return;
    }
    BigInteger exact = BigInteger.valueOf(numerator).shiftLeft(32).divide(BigInteger.valueOf(denominator));
    assertEquals(clamp(exact), Fixed.ratio(numerator, denominator));
  }

  @Property(tries = 500)
  void shouldLoseAtMostOneStepRoundTrippingU16Proportions(@ForAll("u16") int v) {
    int back = Fixed.proportionToU16(Fixed.u16Proportion(v));
    org.junit.jupiter.api.Assertions.assertTrue(back == v || back == v - 1, v + " came back as " + back);
  }

  @Property(tries = 5000)
  void shouldCorrectTheDoubleEstimateToTheExactQuotient(
      @ForAll("magnitudes") long a, @ForAll("magnitudes") long b) {
    if (b == 0 || (a >>> 32) >= b) {
      return;
    }
    BigInteger exact = BigInteger.valueOf(a).shiftLeft(32).divide(BigInteger.valueOf(b));
    assertEquals(exact.longValue(), UnsignedWide.divideShifted(a, b));
  }

  @Provide
  Arbitrary<Long> magnitudes() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between(0, 1L << 40),
        Arbitraries.longs().between((1L << 52) - 1000, (1L << 53) + 1000),
        Arbitraries.longs().between(0, Fixed.ONE * 2));
  }

  @Provide
  Arbitrary<Long> bits() {
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(-(1L << 34), 1L << 34),
        Arbitraries.longs().between(0, Fixed.ONE),
        Arbitraries.of(0L, 1L, -1L, Fixed.ONE, -Fixed.ONE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
  }

  @Provide
  Arbitrary<Long> divisors() {
    return Arbitraries.oneOf(
        bits(),
        // sums of u16 values stored as integers, and shares of them
        Arbitraries.longs().between(1, 1L << 31).map(v -> v << 32),
        Arbitraries.longs().between(1, Fixed.ONE),
        Arbitraries.integers().between(0, 62).map(k -> 1L << k),
        Arbitraries.integers().between(0, 62).map(k -> (1L << k) + 1),
        Arbitraries.integers().between(0, 62).map(k -> Long.MAX_VALUE >>> k));
  }

  @Provide
  Arbitrary<Long> amounts() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.longs().between(0, 21_000_000_000_000_000L));
  }

  @Provide
  Arbitrary<Integer> u16() {
    return Arbitraries.integers().between(0, 65535);
  }

  private static BigInteger floorDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  private static boolean fits(BigInteger v) {
    return v.compareTo(MIN) >= 0 && v.compareTo(MAX) <= 0;
  }

  private static long clamp(BigInteger v) {
    return v.compareTo(MAX) > 0 ? Long.MAX_VALUE : v.compareTo(MIN) < 0 ? Long.MIN_VALUE : v.longValue();
  }
}
