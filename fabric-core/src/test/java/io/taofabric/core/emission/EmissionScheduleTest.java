package io.taofabric.core.emission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EmissionScheduleTest {
  private static final long TAO = BlockEmission.RAO_PER_TAO;
  /** Blocks minted at 1 TAO before the first halving: half the supply. */
  private static final long FIRST_PHASE = 10_500_000;

  /** The schedule block by block, as the spec states it. */
  private static long simulate(long height) {
    long issuance = 0;
    for (long h = 0; h < height; h++) {
      issuance += BlockEmission.perBlock(issuance);
    }
    return issuance;
  }

  @Test
  void shouldMatchTheBlockByBlockScheduleAcrossTheFirstHalving() {
    for (long height : new long[] {0, 1, 2, 359, 360, FIRST_PHASE - 1, FIRST_PHASE, FIRST_PHASE + 1, FIRST_PHASE + 7_777}) {
      assertEquals(simulate(height), EmissionSchedule.issuanceAfter(height), "height " + height);
    }
    assertEquals(FIRST_PHASE * TAO, EmissionSchedule.issuanceAfter(FIRST_PHASE));
    assertEquals(FIRST_PHASE * TAO + TAO / 2, EmissionSchedule.issuanceAfter(FIRST_PHASE + 1), "the rate halves");
  }

  @Test
  void shouldStopShortOfTheCapForever() {
    long far = EmissionSchedule.issuanceAfter(Long.MAX_VALUE / 2);
    assertTrue(far <= BlockEmission.MAX_SUPPLY_RAO);
    assertTrue(far > BlockEmission.MAX_SUPPLY_RAO - 64 * TAO, "nearly everything is minted: " + far);
    assertEquals(far, EmissionSchedule.issuanceAfter(Long.MAX_VALUE / 4 + 1));
  }

  @Property(tries = 200)
  void shouldNeverDecreaseAndNeverExceedOneTaoPerBlock(
      @ForAll @LongRange(min = 0, max = 400_000_000) long height, @ForAll @LongRange(min = 0, max = 10_000) long more) {
    long minted = EmissionSchedule.mintedBetween(height, height + more);
    assertTrue(minted >= 0 && minted <= more * TAO, minted + " rao in " + more + " blocks");
  }

  @Property(tries = 200)
  void shouldNeverGiveSharesMoreThanTheBlocksMinted(
      @ForAll @LongRange(min = 0, max = 1_000_000) long share, @ForAll @LongRange(min = 0, max = 50_000_000) long from) {
    long to = from + 361;
    long paid = EmissionSchedule.subnetEmission(share, from, to);
    long rest = EmissionSchedule.subnetEmission(EmissionSchedule.SHARE_SCALE - share, from, to);
    long minted = EmissionSchedule.mintedBetween(from, to);
    assertTrue(paid + rest <= minted && paid + rest >= minted - 1, paid + " + " + rest + " of " + minted);
  }

  @Test
  void shouldPayATempoOfBlocksToAFullShare() {
    assertEquals(361 * TAO, EmissionSchedule.subnetEmission(EmissionSchedule.SHARE_SCALE, 0, 361));
    assertEquals(361 * TAO / 4, EmissionSchedule.subnetEmission(250_000, 1_000, 1_361));
  }

  @Test
  void shouldRefuseBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> EmissionSchedule.issuanceAfter(-1));
    assertThrows(IllegalArgumentException.class, () -> EmissionSchedule.mintedBetween(10, 9));
    assertThrows(IllegalArgumentException.class, () -> EmissionSchedule.subnetEmission(1_000_001, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> EmissionSchedule.subnetEmission(-1, 0, 1));
  }
}
