package io.taofabric.deploy.gateway;

import io.taofabric.core.ledger.SettlementEvent;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subnet's recent epochs as its settlement record stored them: each {@link EpochSettled}
 * (epoch, block, what every UID was paid) and, once every credit is applied, its {@code
 * EpochCredited}, each with the time the journal wrote it where the journal keeps one (Cassandra
 * does; the in-memory test journal does not). Folded from the record's journal in order (sequence
 * numbers), keeping the last {@code capacity} epochs. Nothing here is computed again: the numbers
 * are the stored ones. Not thread-safe: its follower folds one event at a time.
 */
final class EpochHistory {
  /** A time the journal did not record. */
  static final long UNKNOWN = -1;

  /**
   * A settled epoch.
   *
   * @param epoch the subnet's epoch number, from 0
   * @param block the block it ran at
   * @param emission the rao it paid in all
   * @param paidUids how many UIDs it paid more than nothing
   * @param credited whether every credit it owes is confirmed applied
   * @param settledAtMillis when the settlement record stored it, or {@link #UNKNOWN}
   * @param creditedAtMillis when every credit was confirmed, or {@link #UNKNOWN}
   */
  record Epoch(long epoch, long block, long emission, int paidUids, boolean credited, long settledAtMillis, long creditedAtMillis) {
    /** The epoch as {@code GET /v1/subnets/{netuid}/epochs} lists it; an unknown time is null. */
    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("epoch", epoch);
      json.put("block", block);
      json.put("emission", emission);
      json.put("paid_uids", paidUids);
      json.put("credited", credited);
      json.put("settled_at", time(settledAtMillis));
      json.put("credited_at", time(creditedAtMillis));
      return json;
    }

    private static String time(long millis) {
      return millis == UNKNOWN ? null : Instant.ofEpochMilli(millis).toString();
    }
  }

  /** What folding one event changed, for the metrics: a newly settled or newly credited epoch. */
  sealed interface Change {}

  /** {@code epoch} was settled; {@code previous} is the epoch before it here, or null. */
  record Settled(Epoch epoch, Epoch previous) implements Change {}

  /** {@code epoch}'s credits are all applied. */
  record Credited(Epoch epoch) implements Change {}

  private final int capacity;
  /** Oldest first. */
  private final List<Epoch> epochs = new ArrayList<>();
  private long sequenceNr;

  /** An empty history keeping at most {@code capacity} epochs. */
  EpochHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** The sequence number of the last event folded in, 0 before the first. */
  long sequenceNr() {
    return sequenceNr;
  }

  /**
   * Folds in the journal's event {@code sequenceNr}, written at {@code timestampMillis} (0: not
   * recorded); returns
   * what changed, or null for an event already folded in (a repeat) or one that changes nothing.
   */
  Change fold(long sequenceNr, long timestampMillis, SettlementEvent event) {
    if (sequenceNr <= this.sequenceNr) {
      return null;
    }
    this.sequenceNr = sequenceNr;
    long written = timestampMillis > 0 ? timestampMillis : UNKNOWN;
    if (event instanceof EpochSettled s) {
      Epoch previous = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
      Epoch epoch = new Epoch(s.epoch(), s.block(), s.total(), paid(s.emissions()), false, written, UNKNOWN);
      epochs.add(epoch);
      if (epochs.size() > capacity) {
        epochs.remove(0);
      }
      return new Settled(epoch, previous);
    }
    for (int i = epochs.size() - 1; i >= 0; i--) {
      Epoch e = epochs.get(i);
      if (e.epoch() == event.epoch()) {
        Epoch credited = new Epoch(e.epoch(), e.block(), e.emission(), e.paidUids(), true, e.settledAtMillis(), written);
        epochs.set(i, credited);
        return new Credited(credited);
      }
    }
    return null;
  }

  /** The newest {@code limit} epochs, newest first. */
  List<Epoch> latest(int limit) {
    List<Epoch> latest = new ArrayList<>(epochs.subList(Math.max(0, epochs.size() - limit), epochs.size()));
    Collections.reverse(latest);
    return latest;
  }

  /** How many of the epochs held wait for some credit. */
  int uncredited() {
    int n = 0;
    for (Epoch e : epochs) {
      if (!e.credited()) {
        n++;
      }
    }
    return n;
  }

  private static int paid(List<UidEmission> emissions) {
    int n = 0;
    for (UidEmission e : emissions) {
      if (e.amount() > 0) {
        n++;
      }
    }
    return n;
  }
}
