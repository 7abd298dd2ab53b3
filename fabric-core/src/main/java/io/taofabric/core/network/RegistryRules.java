package io.taofabric.core.network;

import io.taofabric.core.emission.EmissionSchedule;

/**
 * The subnet registry's settings: how many subnets the network holds, each one's fixed share of
 * block emission, and the lock cost. The lock cost follows Bittensor's rule: each creation doubles
 * the last price, which then falls linearly back to the minimum over {@code lockReductionBlocks}.
 *
 * @param maxSubnets the most subnets the network holds
 * @param shareMillionths each subnet's share of every block's emission; at most {@code 1/maxSubnets}
 *     so shares never sum past the whole block
 * @param minLockCost the lowest lock cost, rao
 * @param lockReductionBlocks blocks over which a doubled price falls back by the last price
 */
public record RegistryRules(int maxSubnets, long shareMillionths, long minLockCost, long lockReductionBlocks) {
  /** Validates the values. */
  public RegistryRules {
    if (maxSubnets < 1 || maxSubnets > 4_096) {
      throw new IllegalArgumentException("max subnets must be in [1, 4096], got " + maxSubnets);
    }
    if (shareMillionths < 0 || shareMillionths * maxSubnets > EmissionSchedule.SHARE_SCALE) {
      throw new IllegalArgumentException(
          "a share of " + shareMillionths + " millionths for " + maxSubnets + " subnets exceeds the whole block");
    }
    if (minLockCost < 1 || lockReductionBlocks < 1) {
      throw new IllegalArgumentException("the minimum lock cost and the reduction interval must be positive");
    }
  }

  /** Equal shares for {@code maxSubnets} subnets, a 100 TAO minimum lock, halving over 14 days of 12 s blocks. */
  public static RegistryRules evenShares(int maxSubnets) {
    return new RegistryRules(maxSubnets, EmissionSchedule.SHARE_SCALE / maxSubnets, 100_000_000_000L, 100_800);
  }

  /** The lock cost at {@code block}, given the last creation's price and block (none: price 0). */
  public long lockCost(long lastLockCost, long lastLockBlock, long block) {
    long elapsed = Math.max(0, block - lastLockBlock);
    long doubled = lastLockCost > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * lastLockCost;
    long decay =
        elapsed >= lockReductionBlocks
            ? lastLockCost
            : lastLockCost / lockReductionBlocks * elapsed + lastLockCost % lockReductionBlocks * elapsed / lockReductionBlocks;
    return Math.max(minLockCost, doubled - decay);
  }
}
