package io.taofabric.deploy.gateway;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many transactions a gateway is working on at once. Past the limit a new one is turned away
 * at once (503 {@code busy}) instead of queueing behind the others: an overloaded node that queues
 * without bound answers everyone late, its clients open more connections, and it stops accepting
 * any (seen at 500 transfers/s on two cores); one that sheds keeps answering those it takes.
 */
final class InFlightLimit {
  private final int max;
  private final AtomicInteger current = new AtomicInteger();

  InFlightLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("the in-flight limit must be positive, got " + max);
    }
    this.max = max;
  }

  /** Takes a place, or returns false (and takes none) when all {@code max} are taken. */
  boolean tryEnter() {
    if (current.incrementAndGet() > max) {
      current.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives back a place {@link #tryEnter} took. */
  void leave() {
    current.decrementAndGet();
  }

  /** The places taken now. */
  int current() {
    return current.get();
  }

  /** The limit. */
  int max() {
    return max;
  }
}
