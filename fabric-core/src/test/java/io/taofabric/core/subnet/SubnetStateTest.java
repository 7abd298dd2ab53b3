package io.taofabric.core.subnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taofabric.core.yuma.EpochParams;
import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.YumaEpoch;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubnetStateTest {
  private static final EpochParams PARAMS = EpochParams.DEFAULTS.toBuilder().tempo(10).build();

  private static SubnetState full(int size, long block, long immunity, EpochParams params) {
    SubnetState s = SubnetState.create(size, immunity, params);
    for (int i = 0; i < size; i++) {
      s = ((SubnetState.Registered) s.register("hk" + i, block)).state();
    }
    return s;
  }

  @Nested
  class Register {
    @Test
    void shouldAppendUntilFullThenReplaceTheLowestEmissionNonImmuneUid() {
      SubnetState s = full(12, 0, 100, PARAMS);
      s = s.addStake(0, 1_000).setWeights(0, new int[] {5, 6}, new int[] {1, 1}, 50);
      EpochResult r = YumaEpoch.run(s.epochInput(200), s.params(), 1_000_000_000L);
      s = s.afterEpoch(r);
      // UIDs 1..4 and 7..11 earned nothing; the lowest UID among them goes first
      SubnetState.Registered reg = (SubnetState.Registered) s.register("newcomer", 300);
      assertEquals(1, reg.uid());
      assertEquals("newcomer", reg.state().neurons().get(1).hotkey());
      assertEquals(300, reg.state().neurons().get(1).lastUpdate());
    }

    @Test
    void shouldZeroOtherValidatorsWeightsOnAReplacedUidButKeepTheEntries() {
      SubnetState s = full(12, 0, 0, PARAMS.toBuilder().ownerUid(0).build());
      s = s.setWeights(0, new int[] {1, 4}, new int[] {10, 20}, 5);
      SubnetState.Registered reg = (SubnetState.Registered) s.register("newcomer", 500);
      assertEquals(1, reg.uid()); // all emissions 0, all registered at 0: the lowest non-owner UID
      SparseRow row = reg.state().neurons().get(0).weights();
      assertEquals(2, row.size());
      assertEquals(0, row.value(0));
      assertEquals(65_535, row.value(1));
    }

    @Test
    void shouldNeverReplaceTheSubnetOwner() {
      SubnetState s = full(12, 0, 0, PARAMS.toBuilder().ownerUid(0).build());
      SubnetState.Registered reg = (SubnetState.Registered) s.register("newcomer", 500);
      assertEquals(1, reg.uid());
    }

    @Test
    void shouldPickAmongImmuneUidsWhenTooFewAreOutOfImmunity() {
      SubnetState s = full(4, 0, 1_000, PARAMS);
      SubnetState.Registered reg = (SubnetState.Registered) s.register("newcomer", 10);
      assertEquals(0, reg.uid());
    }

    @Test
    void shouldRejectWhenNoUidCanBeReplaced() {
      SubnetState s = full(1, 0, 0, PARAMS.toBuilder().ownerUid(0).build());
      SubnetState.Rejected rejected = assertInstanceOf(SubnetState.Rejected.class, s.register("x", 10));
      assertEquals("subnet is full and no UID can be replaced", rejected.reason());
    }

    @Test
    void shouldRejectAHotkeyThatIsAlreadyRegistered() {
      SubnetState s = full(3, 0, 0, PARAMS);
      assertInstanceOf(SubnetState.Rejected.class, s.register("hk1", 10));
    }
  }

  @Nested
  class Weights {
    @Test
    void shouldStoreMaxUpscaledValuesInTheCallersOrder() {
      SubnetState s = full(3, 0, 0, PARAMS).setWeights(0, new int[] {2, 1}, new int[] {43_690, 21_845}, 7);
      SparseRow row = s.neurons().get(0).weights();
      assertEquals(SparseRow.of(new int[] {2, 1}, new int[] {65_535, 32_768}), row);
      assertEquals(7, s.neurons().get(0).lastUpdate());
    }

    @Test
    void shouldRejectUnknownUidsAndLeaveTheStateAlone() {
      SubnetState s = full(3, 0, 0, PARAMS);
      assertThrows(IllegalArgumentException.class, () -> s.setWeights(3, new int[] {0}, new int[] {1}, 1));
      assertThrows(IllegalArgumentException.class, () -> s.addStake(-1, 1));
      assertThrows(IllegalArgumentException.class, () -> s.addStake(0, -1));
      assertSame(SparseRow.EMPTY, s.neurons().get(0).weights());
    }

    @Test
    void shouldRemoveEveryBondOnAUidWhenItsBondsAreReset() {
      SubnetState s = full(3, 0, 0, PARAMS).addStake(0, 10);
      s = s.afterEpoch(YumaEpoch.run(s.epochInput(4), s.params(), 1_000L)); // permits lag one epoch
      s = s.setWeights(0, new int[] {1, 2}, new int[] {1, 1}, 5);
      s = s.afterEpoch(YumaEpoch.run(s.epochInput(6), s.params(), 1_000L));
      assertEquals(List.of(1, 2), uids(s.neurons().get(0).bonds()));
      assertEquals(List.of(2), uids(s.resetBonds(1).neurons().get(0).bonds()));
    }
  }

  @Test
  void shouldCarryStakeWithTheHotkey() {
    SubnetState s = full(2, 0, 0, PARAMS).addStake(1, 5).addStake(1, 7);
    assertEquals(12, s.stakeOf(1));
    assertArrayEquals(new long[] {0, 12}, s.epochInput(1).stake());
  }

  private static List<Integer> uids(SparseRow row) {
    Integer[] out = new Integer[row.size()];
    for (int k = 0; k < row.size(); k++) {
      out[k] = row.uid(k);
    }
    return List.of(out);
  }
}
