package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.ONE;
import static io.taofabric.core.fixed.Fixed.addSat;
import static io.taofabric.core.fixed.Fixed.div;
import static io.taofabric.core.fixed.Fixed.expSafe;
import static io.taofabric.core.fixed.Fixed.fromInt;
import static io.taofabric.core.fixed.Fixed.mul;
import static io.taofabric.core.fixed.Fixed.subSat;

/**
 * The reference's dense kernels, which only its tests use (the chain runs the sparse ones); kept
 * here so the vectors that exercise them can be checked against the same fixed-point primitives.
 */
final class DenseKernels {
  private DenseKernels() {}

  /** {@code is_topk}: true for all but the {@code n − k} smallest, through the permits' demotion. */
  static boolean[] topK(long[] values, int k) {
    boolean[] result = new boolean[values.length];
    java.util.Arrays.fill(result, true);
    Permits.demoteSmallest(values, k, result);
    return result;
  }

  /** {@code weighted_median_col}: per column, the median over rows with positive stake. */
  static long[] weightedMedianColumns(long[] stake, long[][] score, long majority) {
    int cols = score.length == 0 ? 0 : score[0].length;
    long[] out = new long[cols];
    WeightedMedian median = new WeightedMedian();
    for (int c = 0; c < cols; c++) {
      int m = 0;
      for (long s : stake) {
        m += s > 0 ? 1 : 0;
      }
      if (m == 0) {
        continue;
      }
      long[] used = new long[m];
      long[] column = new long[m];
      for (int r = 0, k = 0; r < stake.length; r++) {
        if (stake[r] > 0) {
          used[k] = stake[r];
          column[k++] = score[r][c];
        }
      }
      used = Vectors.normalize(used);
      long sum = Vectors.sum(used);
      out[c] = median.median(used, column, m, subSat(sum, majority), 0, sum);
    }
    return out;
  }

  /** {@code mat_ema_alpha}: {@code min((1−α)·old + max(α·new, 0), 1)} per cell. */
  static long[][] emaAlpha(long[][] fresh, long[][] old, long[][] alpha) {
    long[][] out = new long[fresh.length][];
    for (int r = 0; r < fresh.length; r++) {
      out[r] = new long[fresh[r].length];
      for (int c = 0; c < fresh[r].length; c++) {
        long a = alpha[r][c];
        long v = addSat(mul(subSat(ONE, a), old[r][c]), Math.max(mul(a, fresh[r][c]), 0));
        out[r][c] = Math.min(v, ONE);
      }
    }
    return out;
  }

  /** The retired consensus sigmoid {@code 1 / (1 + e^(−ρ(x − κ)))}; it exercises {@code exp}. */
  static long sigmoidSafe(long x, long rho, long kappa) {
    long offset = subSat(x, kappa);
    long negRho = mul(rho, fromInt(-1));
    long e = expSafe(mul(negRho, offset));
    return div(ONE, addSat(e, ONE));
  }
}
