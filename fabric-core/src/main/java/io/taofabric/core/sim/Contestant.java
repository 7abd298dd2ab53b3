package io.taofabric.core.sim;

import io.taofabric.core.strategy.Miner;
import java.util.Objects;

/** A miner of the simulation with the strategy it plays. */
public record Contestant<Q, A>(Miner<Q, A> miner, MinerKind kind) {
  public Contestant {
    Objects.requireNonNull(miner, "miner");
    Objects.requireNonNull(kind, "kind");
  }

  /** The miner's hotkey. */
  public String hotkey() {
    return miner.hotkey();
  }
}
