package io.taofabric.core.yuma;

import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed-row form. Rows keep their entries in the order they
 * were added: the reference keeps a validator's weights in the order it sent them, and one
 * liquid-alpha lookup depends on that order. Values are raw u16 for stored weight and bond rows,
 * and I32F32 bits for the epoch's intermediate matrices.
 *
 * <p>Immutable to everything outside this package. Inside it, the epoch's kernels update the
 * values of matrices they have just built themselves ({@link #valuesInPlace}), never an input's.
 */
public final class SparseMatrix {
  private final int[] rowStart;
  private final int[] cols;
  private final long[] values;

  private SparseMatrix(int[] rowStart, int[] cols, long[] values) {
    this.rowStart = rowStart;
    this.cols = cols;
    this.values = values;
  }

  /** A matrix of {@code rows} empty rows. */
  public static SparseMatrix empty(int rows) {
    return new SparseMatrix(new int[rows + 1], new int[0], new long[0]);
  }

  /** A builder expecting about {@code expectedEntries} entries. */
  public static Builder builder(int expectedEntries) {
    return new Builder(expectedEntries);
  }

  /** Number of rows. */
  public int rows() {
    return rowStart.length - 1;
  }

  /** Number of stored entries. */
  public int entries() {
    return rowStart[rowStart.length - 1];
  }

  /** Index of row {@code i}'s first entry. */
  public int start(int i) {
    return rowStart[i];
  }

  /** Index one past row {@code i}'s last entry. */
  public int end(int i) {
    return rowStart[i + 1];
  }

  /** Column of entry {@code k}. */
  public int col(int k) {
    return cols[k];
  }

  /** Value of entry {@code k}. */
  public long value(int k) {
    return values[k];
  }

  /** A matrix with the same pattern and the given values (entry-aligned, owned by the result). */
  SparseMatrix withValues(long[] newValues) {
    return new SparseMatrix(rowStart, cols, newValues);
  }

  /**
   * This matrix with the rows where {@code keep} is false emptied: this matrix itself when those
   * rows are empty already, else a copy of the kept rows.
   */
  SparseMatrix keepRows(boolean[] keep) {
    int kept = 0;
    for (int i = 0; i < rows(); i++) {
      kept += keep[i] ? end(i) - start(i) : 0;
    }
    if (kept == entries()) {
      return this;
    }
    Builder out = builder(kept);
    for (int i = 0; i < rows(); i++) {
      if (keep[i]) {
        for (int k = start(i); k < end(i); k++) {
          out.add(cols[k], values[k]);
        }
      }
      out.endRow();
    }
    return out.build();
  }

  /** A copy of this matrix without its entries of 0 and below. */
  SparseMatrix positiveOnly() {
    Builder out = builder(entries());
    for (int i = 0; i < rows(); i++) {
      for (int k = start(i); k < end(i); k++) {
        if (values[k] > 0) {
          out.add(cols[k], values[k]);
        }
      }
      out.endRow();
    }
    return out.build();
  }

  /** The values array itself, for kernels that own this matrix; entry-aligned. */
  long[] valuesInPlace() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SparseMatrix other)) {
      return false;
    }
    return Arrays.equals(rowStart, other.rowStart)
        && Arrays.equals(cols, 0, entries(), other.cols, 0, other.entries())
        && Arrays.equals(values, 0, entries(), other.values, 0, other.entries());
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rowStart) + Arrays.hashCode(Arrays.copyOf(values, entries()));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < rows(); i++) {
      sb.append(i == 0 ? "[" : ", [");
      for (int k = start(i); k < end(i); k++) {
        sb.append(k == start(i) ? "" : ", ").append(cols[k]).append(':').append(values[k]);
      }
      sb.append(']');
    }
    return sb.append(']').toString();
  }

  /** Appends entries row by row; {@link #endRow()} closes the current row. */
  public static final class Builder {
    private int[] rowStart = new int[16];
    private int[] cols;
    private long[] values;
    private int size;
    private int rowCount;

    private Builder(int expectedEntries) {
      int capacity = Math.max(expectedEntries, 4);
      cols = new int[capacity];
      values = new long[capacity];
    }

    /** Adds {@code (col, value)} to the current row. */
    public Builder add(int col, long value) {
      if (size == cols.length) {
        int capacity = cols.length * 2;
        cols = Arrays.copyOf(cols, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      cols[size] = col;
      values[size] = value;
      size++;
      return this;
    }

    /** Closes the current row and starts the next. */
    public Builder endRow() {
      if (rowCount + 2 > rowStart.length) {
        rowStart = Arrays.copyOf(rowStart, rowStart.length * 2);
      }
      rowCount++;
      rowStart[rowCount] = size;
      return this;
    }

    /** The matrix of the rows closed so far. */
    public SparseMatrix build() {
      return new SparseMatrix(Arrays.copyOf(rowStart, rowCount + 1), cols, values);
    }
  }
}
