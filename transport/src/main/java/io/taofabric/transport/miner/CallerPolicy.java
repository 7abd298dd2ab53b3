package io.taofabric.transport.miner;

import java.util.Map;

/** Who may query this miner, and in which order: the metagraph's view of a caller. */
@FunctionalInterface
public interface CallerPolicy {
  /** What {@link #permittedStake} returns for a caller that may not query. */
  long NOT_PERMITTED = -1;

  /**
   * The stake of {@code hotkey} when it is a validator with a permit on this miner's subnet, which
   * orders its requests against other callers'; {@link #NOT_PERMITTED} otherwise.
   */
  long permittedStake(String hotkey);

  /** A fixed policy: the permitted validators' hotkeys and their stakes. */
  static CallerPolicy of(Map<String, Long> stakes) {
    Map<String, Long> copy = Map.copyOf(stakes);
    return hotkey -> copy.getOrDefault(hotkey, NOT_PERMITTED);
  }
}
