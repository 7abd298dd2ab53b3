package io.taofabric.core.yuma;

import java.util.Arrays;

/** Validator permits (spec §3.3): the top-k UIDs by stake among those with any stake. */
public final class Permits {
  private Permits() {}

  /**
   * {@code is_topk_nonzero}: true for non-zero values, then false for the {@code n − k} smallest
   * by a stable ascending sort, so among equal values the lower UIDs lose first.
   */
  public static boolean[] topKNonZero(long[] values, int k) {
    boolean[] result = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i] != 0;
    }
    demoteSmallest(values, k, result);
    return result;
  }

  /**
   * Demotes the first {@code n − k} UIDs of a stable ascending sort without sorting UIDs: they are
   * every value below the {@code (n − k)}-th smallest, then the lowest UIDs holding exactly it.
   */
  static void demoteSmallest(long[] values, int k, boolean[] result) {
    int n = values.length;
    int demote = n - k;
    if (demote <= 0) {
      return;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    long threshold = sorted[demote - 1];
    int ties = demote;
    for (long v : values) {
      if (v < threshold) {
        ties--;
      }
    }
    for (int i = 0; i < n; i++) {
      if (values[i] < threshold || (values[i] == threshold && ties-- > 0)) {
        result[i] = false;
      }
    }
  }
}
