package io.taofabric.core.yuma;

import io.taofabric.core.fixed.Reciprocal;

/** Vector helpers on I32F32 bits, with the reference's plain (non-saturating) sums. */
final class Vectors {
  private Vectors() {}

  static long sum(long[] v) {
    long s = 0;
    for (long x : v) {
      s += x;
    }
    return s;
  }

  /** {@code v / Σv} when the sum is non-zero, else {@code v} unchanged (a copy either way). */
  static long[] normalize(long[] v) {
    long s = sum(v);
    long[] out = v.clone();
    if (s != 0) {
      long reciprocal = Reciprocal.of(s);
      for (int i = 0; i < out.length; i++) {
        out[i] = Reciprocal.divide(out[i], s, reciprocal);
      }
    }
    return out;
  }
}
