package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.addSat;

import io.taofabric.core.fixed.Reciprocal;

/**
 * What a column-normalising kernel divides each column by (its sum or its maximum), with each
 * divisor's {@link Reciprocal}: a column's entries then cost no hardware division each.
 */
final class ColumnDivisors {
  private final long[] divisor;
  private final long[] reciprocal;

  private ColumnDivisors(long[] divisor) {
    this.divisor = divisor;
    reciprocal = new long[divisor.length];
    for (int j = 0; j < divisor.length; j++) {
      reciprocal[j] = Reciprocal.of(divisor[j]);
    }
  }

  /** Each column's saturating sum ({@code col_normalize}). */
  static ColumnDivisors sums(SparseMatrix m, int n) {
    long[] sum = new long[n];
    for (int k = 0; k < m.entries(); k++) {
      sum[m.col(k)] = addSat(sum[m.col(k)], m.value(k));
    }
    return new ColumnDivisors(sum);
  }

  /** Each column's maximum, 0 for columns without a positive entry ({@code col_max_upscale}). */
  static ColumnDivisors maxima(SparseMatrix m, int n) {
    long[] max = new long[n];
    for (int k = 0; k < m.entries(); k++) {
      max[m.col(k)] = Math.max(max[m.col(k)], m.value(k));
    }
    return new ColumnDivisors(max);
  }

  /** {@code value} divided by column {@code j}'s divisor, or unchanged where that divisor is 0. */
  long divide(long value, int j) {
    long d = divisor[j];
    return d != 0 ? Reciprocal.divide(value, d, reciprocal[j]) : value;
  }

  /** Divides every entry of {@code m}, a matrix the caller owns, in place. */
  SparseMatrix divideInPlace(SparseMatrix m) {
    long[] v = m.valuesInPlace();
    for (int k = 0; k < m.entries(); k++) {
      v[k] = divide(v[k], m.col(k));
    }
    return m;
  }
}
