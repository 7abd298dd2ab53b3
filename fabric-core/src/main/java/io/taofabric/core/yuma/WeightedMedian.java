package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.addSat;
import static io.taofabric.core.fixed.Fixed.subSat;

/**
 * The reference's stake-weighted median (math.rs {@code weighted_median}): a deterministic
 * quick-select that pivots on the middle position of the current candidates and keeps candidates
 * in UID order. It returns the largest score {@code w} with at least {@code hi − minority} stake
 * at or above it. Scratch buffers are reused across calls, so one instance is not thread-safe.
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
          lowStake = addSat(lowStake, stake[i]);
          low[lowSize++] = i;
        } else if (s > pivot) {
          highStake = addSat(highStake, stake[i]);
          up[highSize++] = i;
        }
      }
      if (minority < addSat(lo, lowStake) && lowSize > 0) {
        hi = addSat(lo, lowStake);
        int[] freed = cur;
        cur = low;
        low = freed;
        size = lowSize;
      } else if (subSat(hi, highStake) <= minority && highSize > 0) {
        lo = subSat(hi, highStake);
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
