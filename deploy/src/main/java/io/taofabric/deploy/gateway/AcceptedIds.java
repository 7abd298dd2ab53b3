package io.taofabric.deploy.gateway;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The ids of the transactions this gateway accepted, each kept until its nonce has left the
 * freshness window, after which the verifier refuses the transaction as stale anyway. Inside the
 * window a second arrival of an id is a replay. It matters for the subnet's direct commands
 * (endpoint, weight commit and reveal, hyperparameter), which take no operation id yet: the
 * subnet would apply a replay again, and a replayed hyperparameter change could undo a later one.
 * The window is this gateway's only: a replay sent to another node's gateway is not seen here.
 *
 * <p>Bounded: when {@code capacity} ids are live, new transactions are refused (the caller answers
 * 503) rather than an id forgotten early, which would let its replay through. Thread-safe; the
 * clock is passed in.
 */
final class AcceptedIds {
  /** What {@link #record} did. */
  enum Outcome {
    /** The id is new and now remembered. */
    RECORDED,
    /** The id is already remembered: a replay. */
    SEEN,
    /** The window is full; nothing was remembered. */
    FULL
  }

  private record Expiry(String id, long atMicros) {}

  private final int capacity;
  private final Map<String, Long> expiries = new HashMap<>();
  private final PriorityQueue<Expiry> byExpiry = new PriorityQueue<>(Comparator.comparingLong(Expiry::atMicros));

  /** A window holding at most {@code capacity} live ids. */
  AcceptedIds(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Whether {@code id} is remembered at {@code nowMicros}. */
  synchronized boolean contains(String id, long nowMicros) {
    expire(nowMicros);
    return expiries.containsKey(id);
  }

  /** Remembers {@code id} until {@code expiresAtMicros}, unless it is remembered already or the window is full. */
  synchronized Outcome record(String id, long expiresAtMicros, long nowMicros) {
    expire(nowMicros);
    if (expiries.containsKey(id)) {
      return Outcome.SEEN;
    }
    if (expiries.size() >= capacity) {
      return Outcome.FULL;
    }
    expiries.put(id, expiresAtMicros);
    byExpiry.add(new Expiry(id, expiresAtMicros));
    return Outcome.RECORDED;
  }

  /**
   * Forgets {@code id}: for a transaction the entity applies once by its id, whose answer did not
   * come, so that the client may send the same transaction again and learn its outcome.
   */
  synchronized void forget(String id) {
    expiries.remove(id);
  }

  private void expire(long nowMicros) {
    while (!byExpiry.isEmpty() && byExpiry.peek().atMicros() < nowMicros) {
      Expiry e = byExpiry.poll();
      // a forgotten id recorded again has a later expiry of its own; only its own entry removes it
      expiries.remove(e.id(), e.atMicros());
    }
  }
}
