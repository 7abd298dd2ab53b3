package io.taofabric.core.network;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.network.NetworkEvent.SubnetCreated;
import io.taofabric.core.network.NetworkEvent.SubnetCreationFailed;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The network's subnets: which exist, who owns each, its emission share, and the price of the
 * next one. Creating a subnet is a saga with an idempotency key: the creation is recorded as
 * started (netuid reserved, price fixed), then the owner's account pays the lock under that key,
 * then the creation completes, or fails if the account refuses. Whoever owns the registry after a
 * crash asks the account again with the same key and amount, so the lock is never paid twice and
 * a paid lock always ends in a subnet.
 */
public final class SubnetRegistry {
  private final RegistryRules rules;
  private final TreeMap<Integer, SubnetCreationStarted> created = new TreeMap<>();
  private final TreeMap<Integer, SubnetCreationStarted> pending = new TreeMap<>();
  private final Map<String, SubnetCreationStarted> byLockOperation = new HashMap<>();
  private long lastLockCost;
  private long lastLockBlock;

  /** An empty registry under {@code rules}. */
  public SubnetRegistry(RegistryRules rules) {
    this.rules = rules;
  }

  /** The lock a subnet created at {@code block} costs, rao. */
  public long lockCost(long block) {
    return rules.lockCost(lastLockCost, lastLockBlock, block);
  }

  /** The creation started under {@code lockOperationId}, or null. */
  public SubnetCreationStarted startedBy(String lockOperationId) {
    return byLockOperation.get(lockOperationId);
  }

  /**
   * Starting a subnet for {@code ownerColdkey}, with {@code ownerHotkey} as its owner's neuron, at
   * {@code block}: the netuid and price it reserves, a repeat of an earlier start under the same
   * key, or a refusal.
   */
  public Decision<NetworkEvent> decideStart(String ownerColdkey, String ownerHotkey, String lockOperationId, long block) {
    if (ownerColdkey == null || ownerColdkey.isBlank()) {
      return Decision.reject("the owner coldkey is empty");
    }
    if (ownerHotkey == null || ownerHotkey.isBlank()) {
      return Decision.reject("the owner hotkey is empty");
    }
    if (lockOperationId == null || lockOperationId.isBlank()) {
      return Decision.reject("the lock's operation id is empty");
    }
    SubnetCreationStarted earlier = byLockOperation.get(lockOperationId);
    if (earlier != null) {
      return earlier.ownerColdkey().equals(ownerColdkey)
          ? new Decision.AlreadyApplied<>()
          : Decision.reject("operation id " + lockOperationId + " is another owner's subnet creation");
    }
    if (created.size() + pending.size() >= rules.maxSubnets()) {
      return Decision.reject("the network holds its maximum of " + rules.maxSubnets() + " subnets");
    }
    return Decision.accept(
        new SubnetCreationStarted(
            freeNetuid(), ownerColdkey, ownerHotkey, lockOperationId, lockCost(block), rules.shareMillionths(), block));
  }

  /** The account answered the lock of pending {@code netuid}: paid, or refused for {@code refusal}. */
  public Decision<NetworkEvent> decideLockAnswer(int netuid, String refusal, long block) {
    if (!pending.containsKey(netuid)) {
      return new Decision.AlreadyApplied<>();
    }
    return Decision.accept(refusal == null ? new SubnetCreated(netuid, block) : new SubnetCreationFailed(netuid, refusal, block));
  }

  /** Folds an event in; clock events are not the registry's and change nothing. */
  public SubnetRegistry apply(NetworkEvent event) {
    if (event instanceof SubnetCreationStarted s) {
      pending.put(s.netuid(), s);
      byLockOperation.put(s.lockOperationId(), s);
    } else if (event instanceof SubnetCreated c) {
      SubnetCreationStarted s = pending.remove(c.netuid());
      created.put(c.netuid(), s);
      lastLockCost = s.lockCost();
      lastLockBlock = Math.max(lastLockBlock, s.block());
    } else if (event instanceof SubnetCreationFailed f) {
      byLockOperation.remove(pending.remove(f.netuid()).lockOperationId()); // the key may be tried again
    }
    return this;
  }

  /** The subnets that exist, by netuid, as their creation started. */
  public SortedMap<Integer, SubnetCreationStarted> subnets() {
    return Collections.unmodifiableSortedMap(created);
  }

  /** Creations whose lock is not answered yet, oldest netuid first. */
  public List<SubnetCreationStarted> pending() {
    return List.copyOf(pending.values());
  }

  /** Whether {@code netuid} exists. */
  public boolean exists(int netuid) {
    return created.containsKey(netuid);
  }

  /** The lowest netuid neither taken nor reserved; 0 is Bittensor's root network, so subnets start at 1. */
  private int freeNetuid() {
    int netuid = 1;
    while (created.containsKey(netuid) || pending.containsKey(netuid)) {
      netuid++;
    }
    return netuid;
  }
}
