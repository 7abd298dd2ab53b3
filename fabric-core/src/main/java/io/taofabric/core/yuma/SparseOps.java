package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.addSat;
import static io.taofabric.core.fixed.Fixed.ONE;
import static io.taofabric.core.fixed.Fixed.mul;
import static io.taofabric.core.fixed.Fixed.subSat;

import io.taofabric.core.fixed.Reciprocal;
import java.util.Arrays;

/**
 * The reference's sparse matrix kernels (math.rs), on I32F32 values. The normalising kernels
 * ({@code *InPlace}) update the values of a matrix the caller built and owns, saving a copy per
 * step; the others return a new matrix and leave their arguments alone. Kernels that the reference writes as a dense pass over a row touch
 * only the row's entries here and sort the touched columns, which gives the same ascending output
 * without an n-wide scan per row.
 */
final class SparseOps {
  private SparseOps() {}

  /** Divides each row by its sum when the sum is positive. */
  static SparseMatrix rowNormalizeInPlace(SparseMatrix m) {
    long[] v = m.valuesInPlace();
    for (int i = 0; i < m.rows(); i++) {
      long sum = 0;
      for (int k = m.start(i); k < m.end(i); k++) {
        sum += v[k];
      }
      if (sum > 0) {
        long reciprocal = Reciprocal.of(sum);
        for (int k = m.start(i); k < m.end(i); k++) {
          v[k] = Reciprocal.divide(v[k], sum, reciprocal);
        }
      }
    }
    return m;
  }

  /** Divides each entry by its column's (saturating) sum where that sum is non-zero. */
  static SparseMatrix colNormalizeInPlace(SparseMatrix m, int n) {
    return ColumnDivisors.sums(m, n).divideInPlace(m);
  }

  /** Divides each entry by its column's maximum where that maximum is positive. */
  static SparseMatrix colMaxUpscaleInPlace(SparseMatrix m, int n) {
    return ColumnDivisors.maxima(m, n).divideInPlace(m);
  }

  /**
   * Clips entries above their column's threshold to it; drops them where the threshold is 0. Every
   * column must have a threshold. When nothing is dropped (the usual case) the result shares this
   * matrix's pattern.
   */
  static SparseMatrix colClip(SparseMatrix m, long[] threshold) {
    long[] clipped = new long[m.entries()];
    for (int k = 0; k < m.entries(); k++) {
      clipped[k] = Math.min(m.value(k), threshold[m.col(k)]);
    }
    // only a threshold of 0 removes entries, so most epochs skip this pass; kept apart from the
    // clipping, whose min is branch-free only in a loop of its own
    int dropped = 0;
    if (anyAtMostZero(threshold)) {
      for (int k = 0; k < m.entries(); k++) {
        dropped += clippedAway(clipped[k], m.value(k)) ? 1 : 0;
      }
    }
    if (dropped == 0) {
      return m.withValues(clipped);
    }
    SparseMatrix.Builder out = SparseMatrix.builder(m.entries() - dropped);
    for (int i = 0; i < m.rows(); i++) {
      for (int k = m.start(i); k < m.end(i); k++) {
        if (!clippedAway(clipped[k], m.value(k))) {
          out.add(m.col(k), clipped[k]);
        }
      }
      out.endRow();
    }
    return out.build();
  }

  private static boolean anyAtMostZero(long[] v) {
    for (long x : v) {
      if (x <= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether an entry was clipped to a zero threshold, which removes it. */
  private static boolean clippedAway(long clipped, long value) {
    return clipped < value && clipped <= 0;
  }

  /** Each row's plain sum. */
  static long[] rowSums(SparseMatrix m) {
    long[] sums = new long[m.rows()];
    for (int i = 0; i < m.rows(); i++) {
      long s = 0;
      for (int k = m.start(i); k < m.end(i); k++) {
        s += m.value(k);
      }
      sums[i] = s;
    }
    return sums;
  }

  /**
   * {@code a + ratio * (b - a)} per cell; ratio 0 and 1 return the operands themselves, explicit
   * zeros included, otherwise only positive cells survive, in ascending column order.
   */
  static SparseMatrix interpolate(SparseMatrix a, SparseMatrix b, int n, long ratio) {
    if (ratio == 0) {
      return a;
    }
    if (ratio == ONE) {
      return b;
    }
    long[] left = new long[n];
    long[] right = new long[n];
    TouchedColumns touched = new TouchedColumns(n);
    SparseMatrix.Builder out = SparseMatrix.builder(Math.max(a.entries(), b.entries()));
    for (int i = 0; i < a.rows(); i++) {
      for (int k = a.start(i); k < a.end(i); k++) {
        left[a.col(k)] = a.value(k);
        touched.mark(a.col(k));
      }
      for (int k = b.start(i); k < b.end(i); k++) {
        right[b.col(k)] = b.value(k);
        touched.mark(b.col(k));
      }
      int[] cols = touched.sorted();
      for (int t = 0; t < touched.count(); t++) {
        int j = cols[t];
        long v = addSat(left[j], mul(ratio, subSat(right[j], left[j])));
        if (v > 0) {
          out.add(j, v);
        }
        left[j] = 0;
        right[j] = 0;
      }
      touched.clear();
      out.endRow();
    }
    return out.build();
  }

  /**
   * {@code mat_ema_sparse}: {@code α·new + (1−α)·old} per cell, accumulating duplicates, keeping
   * positive cells in ascending column order. Old bonds without a new entry decay. Consumes {@code
   * fresh}, a matrix the caller owns: in the steady state, where rows ascend and every old bond
   * has a new entry, the result is written over its values and keeps its pattern.
   */
  static SparseMatrix ema(SparseMatrix fresh, SparseMatrix old, int n, long alpha) {
    long oneMinusAlpha = subSat(ONE, alpha);
    if (oldWithinFresh(fresh, old)) {
      return emaOverFresh(fresh, old, alpha, oneMinusAlpha);
    }
    long[] acc = new long[n];
    TouchedColumns touched = new TouchedColumns(n);
    SparseMatrix.Builder out = SparseMatrix.builder(Math.max(fresh.entries(), old.entries()));
    for (int i = 0; i < fresh.rows(); i++) {
      boolean hasOld = i < old.rows();
      if (ascending(fresh, i) && (!hasOld || ascending(old, i))) {
        mergeRows(fresh, i, hasOld ? old : null, alpha, oneMinusAlpha, out);
        out.endRow();
        continue;
      }
      for (int k = fresh.start(i); k < fresh.end(i); k++) {
        int j = fresh.col(k);
        acc[j] = addSat(acc[j], mul(alpha, fresh.value(k)));
        touched.mark(j);
      }
      if (hasOld) {
        for (int k = old.start(i); k < old.end(i); k++) {
          int j = old.col(k);
          acc[j] = addSat(acc[j], mul(oneMinusAlpha, old.value(k)));
          touched.mark(j);
        }
      }
      int[] cols = touched.sorted();
      for (int t = 0; t < touched.count(); t++) {
        int j = cols[t];
        if (acc[j] > 0) {
          out.add(j, acc[j]);
        }
        acc[j] = 0;
      }
      touched.clear();
      out.endRow();
    }
    return out.build();
  }

  /** Whether every row of both ascends strictly and each old entry's column has a fresh entry. */
  private static boolean oldWithinFresh(SparseMatrix fresh, SparseMatrix old) {
    for (int i = 0; i < fresh.rows(); i++) {
      if (!ascending(fresh, i)) {
        return false;
      }
      if (i < old.rows()) {
        int a = fresh.start(i);
        int previous = -1;
        for (int b = old.start(i); b < old.end(i); b++) {
          int j = old.col(b);
          while (a < fresh.end(i) && fresh.col(a) < j) {
            a++;
          }
          if (j <= previous || a == fresh.end(i) || fresh.col(a) != j) {
            return false;
          }
          previous = j;
        }
      }
    }
    return true;
  }

  /** The EMA when {@link #oldWithinFresh}: each fresh entry meets at most one old one, in order. */
  private static SparseMatrix emaOverFresh(
      SparseMatrix fresh, SparseMatrix old, long alpha, long oneMinusAlpha) {
    long[] v = fresh.valuesInPlace();
    int positive = 0;
    for (int i = 0; i < fresh.rows(); i++) {
      int b = i < old.rows() ? old.start(i) : 0;
      int bEnd = i < old.rows() ? old.end(i) : 0;
      for (int a = fresh.start(i); a < fresh.end(i); a++) {
        long x = mul(alpha, v[a]);
        if (b < bEnd && old.col(b) == fresh.col(a)) {
          x = addSat(x, mul(oneMinusAlpha, old.value(b++)));
        }
        v[a] = x;
        positive += x > 0 ? 1 : 0;
      }
    }
    return positive == fresh.entries() ? fresh : fresh.positiveOnly();
  }

  /** The EMA of two rows with strictly ascending columns, merged in one pass. */
  private static void mergeRows(
      SparseMatrix fresh, int i, SparseMatrix old, long alpha, long oneMinusAlpha, SparseMatrix.Builder out) {
    int a = fresh.start(i);
    int aEnd = fresh.end(i);
    int b = old == null ? 0 : old.start(i);
    int bEnd = old == null ? 0 : old.end(i);
    while (a < aEnd || b < bEnd) {
      int ca = a < aEnd ? fresh.col(a) : Integer.MAX_VALUE;
      int cb = b < bEnd ? old.col(b) : Integer.MAX_VALUE;
      long v;
      int j;
      if (ca < cb) {
        j = ca;
        v = mul(alpha, fresh.value(a++));
      } else if (cb < ca) {
        j = cb;
        v = mul(oneMinusAlpha, old.value(b++));
      } else {
        j = ca;
        v = addSat(mul(alpha, fresh.value(a++)), mul(oneMinusAlpha, old.value(b++)));
      }
      if (v > 0) {
        out.add(j, v);
      }
    }
  }

  private static boolean ascending(SparseMatrix m, int i) {
    for (int k = m.start(i) + 1; k < m.end(i); k++) {
      if (m.col(k) <= m.col(k - 1)) {
        return false;
      }
    }
    return true;
  }

  /** α of each cell, asked for row by row in ascending row order. */
  interface CellAlpha {
    /** Called before the first {@link #at} of row {@code i}. */
    default void beginRow(int i) {}

    /** α of cell {@code (i, j)}, I32F32. */
    long at(int i, int j);

    /** Called after the last {@link #at} of row {@code i}. */
    default void endRow(int i) {}
  }

  /**
   * {@code mat_ema_alpha_sparse}: old bonds decay by {@code 1 − α}; then each entry of the new row,
   * in its order, adds {@code α · w}, capped at 1, kept if positive. Old bonds whose column has no
   * new entry are dropped, as the reference does.
   */
  static SparseMatrix emaPerCell(SparseMatrix fresh, SparseMatrix old, CellAlpha alpha) {
    int n = fresh.rows();
    if (old.rows() != n) {
      return fresh;
    }
    long[] decayed = new long[maxColumn(fresh, old) + 1];
    SparseMatrix.Builder out = SparseMatrix.builder(fresh.entries());
    for (int i = 0; i < n; i++) {
      alpha.beginRow(i);
      for (int k = old.start(i); k < old.end(i); k++) {
        int j = old.col(k);
        decayed[j] = mul(subSat(ONE, alpha.at(i, j)), old.value(k));
      }
      for (int k = fresh.start(i); k < fresh.end(i); k++) {
        int j = fresh.col(k);
        long grown = Math.max(mul(alpha.at(i, j), fresh.value(k)), 0);
        long value = Math.min(addSat(decayed[j], grown), ONE);
        if (value > 0) {
          out.add(j, value);
        }
      }
      for (int k = old.start(i); k < old.end(i); k++) {
        decayed[old.col(k)] = 0;
      }
      alpha.endRow(i);
      out.endRow();
    }
    return out.build();
  }

  private static int maxColumn(SparseMatrix a, SparseMatrix b) {
    int max = 0;
    for (int k = 0; k < a.entries(); k++) {
      max = Math.max(max, a.col(k));
    }
    for (int k = 0; k < b.entries(); k++) {
      max = Math.max(max, b.col(k));
    }
    return max;
  }

  /** The set of columns a row pass has written, so only those are read back and reset. */
  static final class TouchedColumns {
    private final boolean[] marked;
    private int[] cols = new int[16];
    private int count;

    TouchedColumns(int n) {
      marked = new boolean[n];
    }

    void mark(int j) {
      if (!marked[j]) {
        marked[j] = true;
        if (count == cols.length) {
          cols = Arrays.copyOf(cols, count * 2);
        }
        cols[count++] = j;
      }
    }

    int count() {
      return count;
    }

    int[] sorted() {
      Arrays.sort(cols, 0, count);
      return cols;
    }

    void clear() {
      for (int t = 0; t < count; t++) {
        marked[cols[t]] = false;
      }
      count = 0;
    }
  }
}
