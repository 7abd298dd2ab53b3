package io.taofabric.core.subnet;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;

/**
 * The idempotency keys of a subnet's last {@link #CAPACITY} cross-entity operations (burns for
 * registration, stake moves). Bounded so a long-lived subnet's state does not grow with its
 * history: a retry is expected within moments, and an older one is refused anyway once its block
 * is stale. Immutable.
 */
final class RecentOperations {
  /** How many keys are remembered; the oldest is forgotten first. */
  static final int CAPACITY = 1024;

  static final RecentOperations NONE = new RecentOperations(List.of());

  private final List<String> oldestFirst;
  private final Set<String> ids;

  private RecentOperations(List<String> oldestFirst) {
    this.oldestFirst = List.copyOf(oldestFirst);
    this.ids = Set.copyOf(oldestFirst);
  }

  /** The keys a snapshot stored, oldest first. */
  static RecentOperations of(List<String> oldestFirst) {
    if (oldestFirst.size() > CAPACITY) {
      throw new IllegalArgumentException(oldestFirst.size() + " operations exceed the " + CAPACITY + " remembered");
    }
    return new RecentOperations(oldestFirst);
  }

  /** The keys, oldest first (for snapshots). */
  List<String> oldestFirst() {
    return oldestFirst;
  }

  boolean contains(String operationId) {
    return ids.contains(operationId);
  }

  /** These keys plus {@code operationId}, less the oldest when full. */
  RecentOperations plus(String operationId) {
    ArrayDeque<String> next = new ArrayDeque<>(oldestFirst);
    next.addLast(operationId);
    while (next.size() > CAPACITY) {
      next.removeFirst();
    }
    return new RecentOperations(List.copyOf(next));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecentOperations r && oldestFirst.equals(r.oldestFirst);
  }

  @Override
  public int hashCode() {
    return oldestFirst.hashCode();
  }

  @Override
  public String toString() {
    return "RecentOperations" + oldestFirst;
  }
}
