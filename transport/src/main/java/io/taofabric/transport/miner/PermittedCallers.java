package io.taofabric.transport.miner;

import java.util.Map;

/**
 * A {@link CallerPolicy} that follows the subnet: the validators the latest metagraph gives a permit,
 * at their stake, replaced whole whenever the metagraph is read again. The endpoint's thread reads
 * it while another thread updates it; each request sees one metagraph's callers, never a mix. Until
 * the first update nobody may call.
 */
public final class PermittedCallers implements CallerPolicy {
  private volatile Map<String, Long> stakes = Map.of();

  /** From now on, the callers of {@code permittedStakes} (hotkey → stake) are the only ones admitted. */
  public void update(Map<String, Long> permittedStakes) {
    stakes = Map.copyOf(permittedStakes);
  }

  @Override
  public long permittedStake(String hotkey) {
    return stakes.getOrDefault(hotkey, NOT_PERMITTED);
  }
}
