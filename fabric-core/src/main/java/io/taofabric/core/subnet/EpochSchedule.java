package io.taofabric.core.subnet;

/**
 * When a subnet's epoch runs (Bittensor's {@code blocks_until_next_epoch}): at every block {@code
 * b} with {@code (b + netuid + 1) % (tempo + 1) == 0}. The netuid offset staggers subnets with
 * the same tempo, so their epochs do not all land on one block.
 */
public final class EpochSchedule {
  private EpochSchedule() {}

  /** Whether the epoch of {@code netuid} runs at {@code block}. */
  public static boolean isDue(int netuid, long tempo, long block) {
    requireArguments(netuid, tempo, block);
    return (block + netuid + 1) % (tempo + 1) == 0;
  }

  /** The first block at or after {@code fromBlock} at which the epoch of {@code netuid} runs. */
  public static long nextDue(int netuid, long tempo, long fromBlock) {
    requireArguments(netuid, tempo, fromBlock);
    long period = tempo + 1;
    long phase = (fromBlock + netuid + 1) % period;
    return phase == 0 ? fromBlock : Math.addExact(fromBlock, period - phase);
  }

  private static void requireArguments(int netuid, long tempo, long block) {
    if (netuid < 0 || tempo < 1 || block < 0) {
      throw new IllegalArgumentException(
          "need netuid >= 0, tempo >= 1 and block >= 0; got " + netuid + ", " + tempo + ", " + block);
    }
  }
}
