package io.taofabric.core.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The constants and corner cases the spec spells out (yuma.md §1). */
class FixedTest {

  @Test
  void shouldEncodeDefaultKappaJustBelowOneHalf() {
    assertEquals(2_147_450_879L, Fixed.u16Proportion(32_767));
  }

  @Test
  void shouldTakeExpOfOneAsTheTruncatedConstant() {
    assertEquals(11_674_931_200L, Fixed.exp(Fixed.ONE));
    assertEquals(Fixed.ONE, Fixed.expSafe(0));
  }

  @Test
  void shouldClampExpToItsSafeRange() {
    assertEquals(Fixed.expSafe(Fixed.fromInt(20)), Fixed.expSafe(Long.MAX_VALUE));
    assertEquals(Fixed.expSafe(Fixed.fromInt(-20)), Fixed.expSafe(Long.MIN_VALUE));
  }

  @Test
  void shouldRoundTiesAwayFromZero() {
    assertEquals(Fixed.fromInt(3), Fixed.round(Fixed.fromInt(2) + Fixed.HALF));
    assertEquals(Fixed.fromInt(-3), Fixed.round(Fixed.fromInt(-2) - Fixed.HALF));
    assertEquals(Fixed.fromInt(2), Fixed.round(Fixed.fromInt(2) + Fixed.HALF - 1));
  }

  @Test
  void shouldFloorNegativeProductsTowardMinusInfinity() {
    assertEquals(-1, Fixed.mul(-1, 1)); // -2^-64 floors to -2^-32
  }

  @Test
  void shouldMapProportionsToU16ByFloor() {
    assertEquals(65_535, Fixed.proportionToU16(Fixed.ONE));
    assertEquals(0, Fixed.proportionToU16(-Fixed.ONE));
    assertEquals(32_767, Fixed.proportionToU16(Fixed.HALF));
    assertEquals(65_535, Fixed.proportionToU16(Long.MAX_VALUE));
  }
}
