package io.taofabric.core.subnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.taofabric.core.yuma.EpochParams;
import io.taofabric.core.yuma.YumaEpoch;
import org.junit.jupiter.api.Test;

class WeightsPolicyTest {
  private static final WeightsPolicy POLICY = new WeightsPolicy(100, 2, 1_000);

  /** Four UIDs registered at block 1; UID 0 staked and holding a permit after one epoch. */
  private static SubnetState subnet(int ownerUid) {
    SubnetState s = SubnetState.create(8, 0, EpochParams.DEFAULTS.toBuilder().ownerUid(ownerUid).build());
    for (int i = 0; i < 4; i++) {
      s = ((SubnetState.Registered) s.register("hk" + i, 1)).state();
    }
    s = s.addStake(0, 5_000).addStake(1, 10);
    return s.afterEpoch(YumaEpoch.run(s.epochInput(2), s.params(), 0));
  }

  @Test
  void shouldAcceptAPermittedValidatorPastTheRateLimit() {
    assertNull(POLICY.refusal(subnet(EpochParams.NONE), 0, new int[] {1, 2}, new int[] {5, 9}, 101));
  }

  @Test
  void shouldRefuseInTheReferencesOrder() {
    SubnetState s = subnet(EpochParams.NONE);
    assertEquals("uids and values differ in length (2 and 1)", POLICY.refusal(s, 0, new int[] {1, 2}, new int[] {5}, 200));
    assertEquals("5 weights for a subnet of 4 UIDs", POLICY.refusal(s, 0, new int[] {0, 1, 2, 3, 4}, new int[5], 200));
    assertEquals("uid 7 is not registered", POLICY.refusal(s, 7, new int[] {1, 2}, new int[] {1, 1}, 200));
    assertEquals("stake 10 rao is below the threshold of 1000", POLICY.refusal(s, 1, new int[] {2, 3}, new int[] {1, 1}, 200));
    assertEquals(
        "weights were set at block 1; the next may come at block 101",
        POLICY.refusal(s, 0, new int[] {1, 2}, new int[] {1, 1}, 100));
    assertEquals("uid 2 has no validator permit", new WeightsPolicy(0, 1, 0).refusal(s, 2, new int[] {1, 3}, new int[] {1, 1}, 200));
    assertEquals("uid 1 appears twice", POLICY.refusal(s, 0, new int[] {1, 1}, new int[] {1, 1}, 200));
    assertEquals("uid 9 does not exist", POLICY.refusal(s, 0, new int[] {1, 9}, new int[] {1, 1}, 200));
    assertEquals("weight 70000 is not a u16", POLICY.refusal(s, 0, new int[] {1, 2}, new int[] {1, 70_000}, 200));
    assertEquals("1 weights, at least 2 are required", POLICY.refusal(s, 0, new int[] {1}, new int[] {1}, 200));
  }

  @Test
  void shouldLetAnyoneSetASelfWeightAndTheOwnerWeightWithoutAPermitOrStake() {
    WeightsPolicy noStakeRule = new WeightsPolicy(100, 2, 0);
    assertNull(noStakeRule.refusal(subnet(EpochParams.NONE), 3, new int[] {3}, new int[] {1}, 200));
    assertNull(POLICY.refusal(subnet(3), 3, new int[] {1, 2}, new int[] {1, 1}, 200));
  }
}
