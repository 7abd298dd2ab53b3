package io.taofabric.core.ledger;

import io.taofabric.core.ledger.SettlementEvent.EpochCredited;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * One subnet's settlement record: each epoch is settled once, in order, and stays "uncredited"
 * until every account credit derived from it is confirmed, so whoever owns it after a crash knows
 * which credits to send again (accounts ignore repeats of the same key).
 */
public final class Settlement {
  private final int netuid;
  private long lastEpoch = -1;
  private final TreeMap<Long, EpochSettled> uncredited = new TreeMap<>();

  /** An empty record for {@code netuid}. */
  public Settlement(int netuid) {
    this.netuid = netuid;
  }

  /** Settling {@code settled}: accepted once, acknowledged again on a repeat, refused out of order. */
  public Decision<SettlementEvent> decideSettle(EpochSettled settled) {
    if (settled.netuid() != netuid) {
      return Decision.reject("epoch of subnet " + settled.netuid() + " sent to subnet " + netuid);
    }
    if (settled.epoch() <= lastEpoch) {
      return new Decision.AlreadyApplied<>();
    }
    Set<Integer> uids = new HashSet<>();
    for (UidEmission e : settled.emissions()) {
      if (!uids.add(e.uid())) {
        return Decision.reject("uid " + e.uid() + " appears twice in epoch " + settled.epoch());
      }
    }
    try {
      settled.total();
    } catch (ArithmeticException e) {
      return Decision.reject("epoch " + settled.epoch() + " emission total overflows");
    }
    return Decision.accept(settled);
  }

  /** Confirming that every credit of {@code epoch} is applied. */
  public Decision<SettlementEvent> decideCredited(long epoch, long block) {
    if (!uncredited.containsKey(epoch)) {
      return epoch <= lastEpoch
          ? new Decision.AlreadyApplied<>()
          : Decision.reject("epoch " + epoch + " of subnet " + netuid + " is not settled");
    }
    return Decision.accept(new EpochCredited(netuid, epoch, block));
  }

  /** Folds an event in. */
  public Settlement apply(SettlementEvent event) {
    if (event instanceof EpochSettled s) {
      lastEpoch = Math.max(lastEpoch, s.epoch());
      uncredited.put(s.epoch(), s);
    } else {
      uncredited.remove(event.epoch());
    }
    return this;
  }

  /** The last settled epoch, or -1. */
  public long lastEpoch() {
    return lastEpoch;
  }

  /** Settled epochs whose credits are not all confirmed, oldest first. */
  public List<EpochSettled> uncredited() {
    return new ArrayList<>(uncredited.values());
  }
}
