package io.taofabric.core.subnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The epoch schedule is Bittensor's: {@code (block + netuid + 1) % (tempo + 1) == 0}. */
class EpochScheduleProperties {

  @Example
  void shouldMatchMainnetsScheduleForSubnetOne() {
    assertTrue(EpochSchedule.isDue(1, 360, 359));
    assertTrue(EpochSchedule.isDue(1, 360, 720));
    assertFalse(EpochSchedule.isDue(1, 360, 360));
    assertEquals(359, EpochSchedule.nextDue(1, 360, 0));
    assertEquals(359, EpochSchedule.nextDue(1, 360, 359));
    assertEquals(720, EpochSchedule.nextDue(1, 360, 360));
    assertEquals(358, EpochSchedule.nextDue(2, 360, 0), "subnets with one tempo are staggered");
  }

  @Example
  void shouldRefuseNonsense() {
    assertThrows(IllegalArgumentException.class, () -> EpochSchedule.isDue(1, 0, 5));
    assertThrows(IllegalArgumentException.class, () -> EpochSchedule.nextDue(-1, 360, 5));
  }

  @Property
  void shouldFindTheFirstDueBlockAtOrAfterTheStart(
      @ForAll @IntRange(min = 0, max = 65_535) int netuid,
      @ForAll @IntRange(min = 1, max = 400) int tempo,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long from) {
    long next = EpochSchedule.nextDue(netuid, tempo, from);
    assertTrue(EpochSchedule.isDue(netuid, tempo, next));
    assertTrue(next >= from && next - from <= tempo);
    for (long b = from; b < next; b++) {
      assertFalse(EpochSchedule.isDue(netuid, tempo, b));
    }
    assertEquals(next + tempo + 1, EpochSchedule.nextDue(netuid, tempo, next + 1), "once per tempo + 1 blocks");
  }
}
