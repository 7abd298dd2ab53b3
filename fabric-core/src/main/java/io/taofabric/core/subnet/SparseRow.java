package io.taofabric.core.subnet;

import java.util.Arrays;

/**
 * One stored row of {@code (target uid, u16)} pairs, in stored order (a weights row keeps the
 * order its validator sent). Immutable.
 */
public final class SparseRow {
  /** The row without entries. */
  public static final SparseRow EMPTY = new SparseRow(new int[0], new int[0]);

  private final int[] uids;
  private final int[] values;

  private SparseRow(int[] uids, int[] values) {
    this.uids = uids;
    this.values = values;
  }

  /** A row of the given pairs; values must be u16. */
  public static SparseRow of(int[] uids, int[] values) {
    if (uids.length != values.length) {
      throw new IllegalArgumentException(
          "row has " + uids.length + " uids but " + values.length + " values");
    }
    for (int k = 0; k < uids.length; k++) {
      if (uids[k] < 0 || values[k] < 0 || values[k] > 65_535) {
        throw new IllegalArgumentException(
            "row entry [" + uids[k] + ", " + values[k] + "] is not a (uid, u16) pair");
      }
    }
    return uids.length == 0 ? EMPTY : new SparseRow(uids.clone(), values.clone());
  }

  /** Number of entries. */
  public int size() {
    return uids.length;
  }

  /** Target UID of entry {@code k}. */
  public int uid(int k) {
    return uids[k];
  }

  /** u16 value of entry {@code k}. */
  public int value(int k) {
    return values[k];
  }

  /** This row with every entry on {@code uid} set to 0 (the entries stay). */
  SparseRow zeroOn(int uid) {
    int[] zeroed = null;
    for (int k = 0; k < uids.length; k++) {
      if (uids[k] == uid && values[k] != 0) {
        zeroed = zeroed == null ? values.clone() : zeroed;
        zeroed[k] = 0;
      }
    }
    return zeroed == null ? this : new SparseRow(uids, zeroed);
  }

  /** This row without its entries on {@code uid}. */
  SparseRow without(int uid) {
    int kept = 0;
    for (int u : uids) {
      kept += u == uid ? 0 : 1;
    }
    if (kept == uids.length) {
      return this;
    }
    int[] u2 = new int[kept];
    int[] v2 = new int[kept];
    for (int k = 0, t = 0; k < uids.length; k++) {
      if (uids[k] != uid) {
        u2[t] = uids[k];
        v2[t++] = values[k];
      }
    }
    return new SparseRow(u2, v2);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseRow r && Arrays.equals(uids, r.uids) && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(uids) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < uids.length; k++) {
      sb.append(k == 0 ? "" : ", ").append(uids[k]).append(':').append(values[k]);
    }
    return sb.append(']').toString();
  }
}
