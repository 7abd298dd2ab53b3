package io.taofabric.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaoTest {
  @Nested
  class Parse {
    @ParameterizedTest(name = "{0} TAO")
    @CsvSource({
      "1, 1000000000",
      "1.5, 1500000000",
      "0.000000001, 1",
      "1.500000000, 1500000000",
      "007.25, 7250000000",
      "1.0000000000000, 1000000000",
      "21000000, 21000000000000000"
    })
    void shouldTurnTaoIntoExactRao(String tao, long rao) {
      assertEquals(rao, Tao.parseRao(tao));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " 1", "1 ", "-1", "+1", "NaN", "Infinity", "1e3", "1.", ".5", "1,5", "0x10", "1.5.0", "τ1"})
    void shouldRefuseAnythingButAPlainDecimal(String tao) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tao.parseRao(tao));
      assertTrue(e.getMessage().contains("plain decimal"), e.getMessage());
    }

    @Test
    void shouldRefuseMoreThanNinePlacesRatherThanRound() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tao.parseRao("1.0000000001"));
      assertEquals("an amount of TAO has at most 9 decimal places (1 rao = 0.000000001 TAO), got 1.0000000001", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "0.000000000"})
    void shouldRefuseZero(String tao) {
      assertEquals("an amount of TAO must be more than 0", assertThrows(IllegalArgumentException.class, () -> Tao.parseRao(tao)).getMessage());
    }

    @Test
    void shouldRefuseMoreThanTheSupply() {
      assertThrows(IllegalArgumentException.class, () -> Tao.parseRao("21000000.000000001"));
      assertThrows(IllegalArgumentException.class, () -> Tao.parseRao("99999999999999999999999"));
    }
  }

  @Test
  void shouldFormatRaoWithAllNinePlaces() {
    assertEquals("0.000000000", Tao.format(0));
    assertEquals("0.000000001", Tao.format(1));
    assertEquals("1.500000000", Tao.format(1_500_000_000L));
    assertEquals("21000000.000000000", Tao.format(21_000_000_000_000_000L));
  }
}
