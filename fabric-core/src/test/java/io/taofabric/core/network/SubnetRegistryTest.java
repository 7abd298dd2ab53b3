package io.taofabric.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetRegistryTest {
  private static final long MIN_LOCK = 100;
  private static final RegistryRules RULES = new RegistryRules(3, 250_000, MIN_LOCK, 1_000);

  private static SubnetCreationStarted start(SubnetRegistry registry, String owner, String key, long block) {
    SubnetCreationStarted started = (SubnetCreationStarted) accepted(registry.decideStart(owner, owner + "-hot", key, block)).get(0);
    registry.apply(started);
    return started;
  }

  private static void answer(SubnetRegistry registry, int netuid, String refusal, long block) {
    accepted(registry.decideLockAnswer(netuid, refusal, block)).forEach(registry::apply);
  }

  private static List<NetworkEvent> accepted(Decision<NetworkEvent> d) {
    if (d instanceof Decision.Accept<NetworkEvent> accept) {
      return accept.events();
    }
    throw new AssertionError("expected an acceptance, got " + d);
  }

  private static String refusal(Decision<NetworkEvent> d) {
    return assertInstanceOf(Decision.Reject.class, d).reason();
  }

  @Test
  void shouldReserveNetuidsFromOneAndCreateOnceTheLockIsPaid() {
    SubnetRegistry registry = new SubnetRegistry(RULES);
    SubnetCreationStarted first = start(registry, "alice", "lock-a", 10);
    assertEquals(1, first.netuid());
    assertEquals(MIN_LOCK, first.lockCost());
    assertEquals(250_000, first.shareMillionths());
    assertTrue(registry.subnets().isEmpty(), "not created before the lock is paid");
    assertEquals(2, start(registry, "bob", "lock-b", 10).netuid(), "a pending creation keeps its netuid");
    answer(registry, 1, null, 11);
    assertTrue(registry.exists(1));
    assertEquals(1, registry.pending().size());
  }

  @Test
  void shouldRecogniseARetryAndRefuseAnotherOwnersKey() {
    SubnetRegistry registry = new SubnetRegistry(RULES);
    start(registry, "alice", "lock-a", 10);
    assertInstanceOf(Decision.AlreadyApplied.class, registry.decideStart("alice", "hk", "lock-a", 12));
    assertTrue(refusal(registry.decideStart("mallory", "hk", "lock-a", 12)).contains("another owner"));
    answer(registry, 1, null, 11);
    assertInstanceOf(Decision.AlreadyApplied.class, registry.decideLockAnswer(1, null, 12), "a repeated answer changes nothing");
  }

  @Test
  void shouldFreeTheNetuidAndTheKeyWhenTheAccountRefuses() {
    SubnetRegistry registry = new SubnetRegistry(RULES);
    start(registry, "alice", "lock-a", 10);
    answer(registry, 1, "insufficient free balance", 11);
    assertTrue(registry.subnets().isEmpty() && registry.pending().isEmpty());
    assertNull(registry.startedBy("lock-a"));
    assertEquals(1, start(registry, "alice", "lock-a", 12).netuid(), "the same key may be tried again");
  }

  @Test
  void shouldDoubleTheLockAfterACreationAndLetItFallBack() {
    SubnetRegistry registry = new SubnetRegistry(RULES);
    start(registry, "alice", "a", 0);
    answer(registry, 1, null, 0);
    assertEquals(2 * MIN_LOCK, registry.lockCost(0));
    assertEquals(2 * MIN_LOCK - MIN_LOCK / 2, registry.lockCost(500), "half way through the reduction interval");
    assertEquals(MIN_LOCK, registry.lockCost(5_000));
    start(registry, "bob", "b", 0);
    answer(registry, 2, null, 0);
    assertEquals(4 * MIN_LOCK, registry.lockCost(0));
  }

  @Test
  void shouldRefuseBeyondTheMaximumAndBadKeys() {
    SubnetRegistry registry = new SubnetRegistry(RULES);
    for (String key : new String[] {"a", "b", "c"}) {
      start(registry, "alice", key, 1);
    }
    assertTrue(refusal(registry.decideStart("alice", "hk", "d", 1)).contains("maximum of 3"));
    assertTrue(refusal(registry.decideStart(" ", "hk", "e", 1)).contains("owner"));
    assertTrue(refusal(registry.decideStart("alice", "hk", "", 1)).contains("operation id"));
    assertTrue(refusal(registry.decideStart("alice", "", "f", 1)).contains("hotkey"));
  }

  @Test
  void shouldRefuseSharesBeyondTheWholeBlock() {
    assertThrows(IllegalArgumentException.class, () -> new RegistryRules(4, 250_001, 1, 1));
    assertEquals(7_812, RegistryRules.evenShares(128).shareMillionths());
  }
}
