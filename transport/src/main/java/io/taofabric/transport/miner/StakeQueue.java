package io.taofabric.transport.miner;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * A bounded queue served highest stake first, first come first served within a stake. When full, a
 * newcomer with more stake than the lowest queued entry takes its place; otherwise the newcomer is
 * refused. Either way the loser is handed back so the caller can answer it OVERLOADED. Not
 * thread-safe.
 *
 * @param <T> the queued work
 */
final class StakeQueue<T> {
  private record Entry<T>(long stake, long sequence, T item) {}

  private static final Comparator<Entry<?>> ORDER =
      Comparator.<Entry<?>>comparingLong(e -> -e.stake()).thenComparingLong(Entry::sequence);

  private final int capacity;
  private final TreeSet<Entry<T>> entries = new TreeSet<>(ORDER);
  private long sequence;

  StakeQueue(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Queues {@code item}; returns the item that lost its place (maybe {@code item}), or null. */
  T offer(long stake, T item) {
    Entry<T> entry = new Entry<>(stake, sequence++, item);
    if (entries.size() < capacity) {
      entries.add(entry);
      return null;
    }
    Entry<T> lowest = entries.last();
    if (stake <= lowest.stake()) {
      return item;
    }
    entries.pollLast();
    entries.add(entry);
    return lowest.item();
  }

  /** The highest-staked, oldest item, or null when empty. */
  T poll() {
    Entry<T> first = entries.pollFirst();
    return first == null ? null : first.item();
  }

  int size() {
    return entries.size();
  }
}
