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
  private Candidates current = new Candidates(0);
  private Candidates lower = new Candidates(0);
  private Candidates upper = new Candidates(0);

  /**
   * The median of {@code score[0..count)} weighted by {@code stake[0..count)}.
   *
   * @param minority the stake that may lie strictly below the answer
   * @param lo the stake below the candidates (0 at the start)
   * @param hi the stake up to and including the candidates (their sum at the start)
   */
  public long median(long[] stake, long[] score, int count, long minority, long lo, long hi) {
    ensureCapacity(count);
    Candidates cur = current;
    Candidates low = lower;
    Candidates up = upper;
    System.arraycopy(score, 0, cur.score, 0, count);
    System.arraycopy(stake, 0, cur.stake, 0, count);
    int size = count;
    int iterations = 0;
    while (true) {
      if (size == 0) {
        return 0;
      }
      if (size == 1) {
        return cur.score[0];
      }
      long pivot = cur.score[size / 2];
      long lowStake = 0;
      long highStake = 0;
      int lowSize = 0;
      int highSize = 0;
      // Branch-free: which side a score falls on is a coin toss, and a mispredicted branch costs
      // more than writing every candidate to both sides and advancing only the side it belongs to.
      // The copies are contiguous and in order, so each side keeps UID order as the reference's.
      long[] score0 = cur.score;
      long[] stake0 = cur.stake;
      for (int t = 0; t < size; t++) {
        long s = score0[t];
        long w = stake0[t];
        low.score[lowSize] = s;
        low.stake[lowSize] = w;
        up.score[highSize] = s;
        up.stake[highSize] = w;
        int below = s < pivot ? 1 : 0;
        int above = s > pivot ? 1 : 0;
        lowSize += below;
        highSize += above;
        lowStake += w & -below;
        highStake += w & -above;
      }
      Candidates freed = cur;
      if (minority < lo + lowStake && lowSize > 0) {
        hi = lo + lowStake;
        cur = low;
        low = freed;
        size = lowSize;
      } else if (hi - highStake <= minority && highSize > 0) {
        lo = hi - highStake;
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
    if (current.score.length < count) {
      current = new Candidates(count);
      lower = new Candidates(count);
      upper = new Candidates(count);
    }
  }

  /** Scores and stakes of candidates, side by side. */
  private static final class Candidates {
    final long[] score;
    final long[] stake;

    Candidates(int count) {
      score = new long[count];
      stake = new long[count];
    }
  }
}
