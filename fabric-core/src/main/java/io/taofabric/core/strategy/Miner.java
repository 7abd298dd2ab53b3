package io.taofabric.core.strategy;

import io.taofabric.core.model.Model;
import java.util.Objects;

/** A hotkey serving {@code model}, whose answers take {@code latencyNs} to arrive. */
public record Miner<Q, A>(String hotkey, Model<Q, A> model, long latencyNs) {
  public Miner {
    Objects.requireNonNull(hotkey, "hotkey");
    Objects.requireNonNull(model, "model");
    if (latencyNs < 0) {
      throw new IllegalArgumentException("a latency is not negative, got " + latencyNs);
    }
  }
}
