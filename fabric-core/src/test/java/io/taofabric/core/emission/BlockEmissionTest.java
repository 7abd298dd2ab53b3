package io.taofabric.core.emission;

import static io.taofabric.core.emission.BlockEmission.MAX_SUPPLY_RAO;
import static io.taofabric.core.emission.BlockEmission.RAO_PER_TAO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlockEmissionTest {

  @Test
  void shouldMintOneTaoPerBlockBeforeTheFirstHalving() {
    assertEquals(RAO_PER_TAO, BlockEmission.perBlock(0));
    assertEquals(RAO_PER_TAO, BlockEmission.perBlock(MAX_SUPPLY_RAO / 2 - 1));
  }

  @Test
  void shouldHalveExactlyWhenIssuanceReachesEachThreshold() {
    assertEquals(RAO_PER_TAO / 2, BlockEmission.perBlock(MAX_SUPPLY_RAO / 2));
    long threeQuarters = MAX_SUPPLY_RAO - MAX_SUPPLY_RAO / 4;
    assertEquals(RAO_PER_TAO / 2, BlockEmission.perBlock(threeQuarters - 1));
    assertEquals(RAO_PER_TAO / 4, BlockEmission.perBlock(threeQuarters));
  }

  @Test
  void shouldStopMintingOnceThirtyHalvingsLeaveLessThanOneRao() {
    long remainingAtThirtyHalvings = MAX_SUPPLY_RAO >> 30;
    assertEquals(0, BlockEmission.perBlock(MAX_SUPPLY_RAO - remainingAtThirtyHalvings));
    assertEquals(1, BlockEmission.perBlock(MAX_SUPPLY_RAO - remainingAtThirtyHalvings - 1));
    assertEquals(0, BlockEmission.perBlock(MAX_SUPPLY_RAO));
  }

  @Test
  void shouldNeverMintPastTheCap() {
    long issuance = MAX_SUPPLY_RAO - 3 * RAO_PER_TAO;
    for (int block = 0; block < 200_000; block++) {
      issuance += BlockEmission.perBlock(issuance);
    }
    assertTrue(issuance < MAX_SUPPLY_RAO, "issuance " + issuance);
    assertTrue(BlockEmission.perBlock(issuance) < RAO_PER_TAO >> 20, "halved at least 20 times");
  }

  @Test
  void shouldRejectIssuanceOutsideTheSupply() {
    assertThrows(IllegalArgumentException.class, () -> BlockEmission.perBlock(-1));
    assertThrows(IllegalArgumentException.class, () -> BlockEmission.perBlock(MAX_SUPPLY_RAO + 1));
  }

  @Test
  void shouldSplitEighteenFortyOneFortyOneWithoutRootStake() {
    CoinbaseSplit split = CoinbaseSplit.of(RAO_PER_TAO, CoinbaseSplit.DEFAULT_OWNER_CUT_U16, 0);
    assertEquals(179_995_422, split.ownerCut()); // 11796/65535 of 1e9, floored
    assertEquals(410_002_288, split.server()); // the cut leaves fractional rao, floored per pot
    assertEquals(410_002_288, split.validator());
    assertEquals(0, split.root());
    assertEquals(RAO_PER_TAO - 2, split.total());
  }
}
