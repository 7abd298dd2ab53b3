package io.taofabric.core.yuma;

/**
 * The reference's stake-weighted median (math.rs {@code weighted_median}): a deterministic
 * quick-select that pivots on the middle position of the current candidates and keeps candidates
 * in UID order. It returns the largest score {@code w} with at least {@code hi − minority} stake
 * at or above it. Scratch buffers are reused across calls, so one instance is not thread-safe.
 *
 * <p>The reference sums stake with saturating adds; the stakes here are normalised shares (each at
 * most 1.0, at most 65536 of them, so every partial sum stays below 2^49), where a saturating add
 * and a plain one are the same.
 */
public final class WeightedMedian {
  private int[] current = new int[0];
  private int[] lower = new int[0];
  private int[] upper = new int[0];

  /**
   * The median of {@code score[0..count)} weighted by {@code stake[0..count)}.
   *
   * @param minority the stake that may lie strictly below the answer
   * @param lo the stake below the candidates (0 at the start)
   * @param hi the stake up to and including the candidates (their sum at the start)
   */
  public long median(long[] stake, long[] score, int count, long minority, long lo, long hi) {
    ensureCapacity(count);
    int[] cur = current;
    int[] low = lower;
    int[] up = upper;
    for (int t = 0; t < count; t++) {
      cur[t] = t;
    }
    int size = count;
    int iterations = 0;
    while (true) {
      if (size == 0) {
        return 0;
      }
      if (size == 1) {
        return score[cur[0]];
      }
      long pivot = score[cur[size / 2]];
      long lowStake = 0;
      long highStake = 0;
      int lowSize = 0;
      int highSize = 0;
      for (int t = 0; t < size; t++) {
        int i = cur[t];
        long s = score[i];
        if (s < pivot) {
          lowStake += stake[i];
          low[lowSize++] = i;
        } else if (s > pivot) {
          highStake += stake[i];
          up[highSize++] = i;
        }
      }
      if (minority < lo + lowStake && lowSize > 0) {
        hi = lo + lowStake;
        int[] freed = cur;
        cur = low;
        low = freed;
        size = lowSize;
      } else if (hi - highStake <= minority && highSize > 0) {
        lo = hi - highStake;
        int[] freed = cur;
        cur = up;
        up = freed;
        size = highSize;
      } else {
        return pivot;
      }
      if (++iterations > count) {
        return 0;
      }
    }
  }

  private void ensureCapacity(int count) {
    if (current.length < count) {
      current = new int[count];
      lower = new int[count];
      upper = new int[count];
    }
  }
}
