package io.taofabric.core.scoring;

import java.util.Objects;

/** What one queried miner returned in a round. */
public sealed interface Response<A> {
  /** The miner's hotkey. */
  String hotkey();

  /** An answer that arrived {@code arrivalNs} after the query was sent. */
  record Answered<A>(String hotkey, A answer, long arrivalNs) implements Response<A> {
    public Answered {
      Objects.requireNonNull(hotkey, "hotkey");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** No usable answer: the model failed, the payload was malformed, or nothing came back. */
  record NoAnswer<A>(String hotkey, String reason) implements Response<A> {
    public NoAnswer {
      Objects.requireNonNull(hotkey, "hotkey");
    }
  }
}
