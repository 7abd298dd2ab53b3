package io.taofabric.transport;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Event counts keyed by an enum, written by one agent and readable from any thread: what was
 * dropped, refused or late on the hot path, where a log line would cost too much.
 *
 * @param <E> the events counted
 */
public final class Counters<E extends Enum<E>> {
  private final AtomicLongArray values;

  /** Zeroed counters, one per constant of {@code events}. */
  public Counters(Class<E> events) {
    this.values = new AtomicLongArray(events.getEnumConstants().length);
  }

  /** Counts one {@code event}. */
  public void increment(E event) {
    values.incrementAndGet(event.ordinal());
  }

  /** How many times {@code event} happened. */
  public long get(E event) {
    return values.get(event.ordinal());
  }
}
