package io.taofabric.core.ledger;

import java.util.List;

/** An entity's answer to a command: events to persist, a repeat to acknowledge, or a refusal. */
public sealed interface Decision<E> {
  /** Persist these events. */
  record Accept<E>(List<E> events) implements Decision<E> {
    public Accept {
      events = List.copyOf(events);
    }
  }

  /** The operation was applied before; acknowledge it again and change nothing. */
  record AlreadyApplied<E>() implements Decision<E> {}

  /** Refused for {@code reason}; nothing changes. */
  record Reject<E>(String reason) implements Decision<E> {}

  /** Accepts one event. */
  static <E> Decision<E> accept(E event) {
    return new Accept<>(List.of(event));
  }

  /** Refuses with {@code reason}. */
  static <E> Decision<E> reject(String reason) {
    return new Reject<>(reason);
  }
}
