package io.taofabric.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MinerMixTest {
  @Test
  void shouldKeepTheDefaultCountOfKindsLeftOut() {
    assertEquals(new MinerMix(3, 1, 1, 0, 4), MinerMix.parse("honest=3, copycat=0,sybil=4"));
  }

  @Test
  void shouldRefuseUnknownKindsAndALoneSybil() {
    assertThrows(IllegalArgumentException.class, () -> MinerMix.parse("lazy=1"));
    assertThrows(IllegalArgumentException.class, () -> MinerMix.parse("sybil=1"));
  }
}
