package io.taofabric.core.ledger;

import java.util.List;

/** The record of a subnet's epochs: what each paid, and when every credit was confirmed. */
public sealed interface SettlementEvent {
  /** The subnet. */
  int netuid();

  /** The epoch's sequence number in the subnet. */
  long epoch();

  /** The block the event was applied in. */
  long block();

  /** An epoch ran: the one record of what it paid, per UID. */
  record EpochSettled(int netuid, long epoch, long block, List<UidEmission> emissions)
      implements SettlementEvent {
    public EpochSettled {
      emissions = List.copyOf(emissions);
    }

    /** The rao this epoch minted. */
    public long total() {
      long total = 0;
      for (UidEmission e : emissions) {
        total = Math.addExact(total, e.amount());
      }
      return total;
    }
  }

  /** Every account credit of the epoch is confirmed applied. */
  record EpochCredited(int netuid, long epoch, long block) implements SettlementEvent {}
}
