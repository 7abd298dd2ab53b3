package io.taofabric.core.yuma;

import io.taofabric.core.fixed.Fixed;
import java.math.BigInteger;

/**
 * Stake S (spec §3.2): each UID's alpha stake, zeroed below the stake threshold (the owner is
 * exempt), as an I32F32 share of the total. The reference normalises in I64F64 and floors to
 * I32F32, which nets out to {@code floor(stake · 2^32 / total)}.
 */
final class StakeWeights {
  private StakeWeights() {}

  static long[] normalized(long[] stake, EpochParams params) {
    int n = stake.length;
    long[] counted = new long[n];
    long total = 0;
    boolean overflow = false;
    for (int i = 0; i < n; i++) {
      counted[i] = !params.isOwner(i) && stake[i] < params.stakeThreshold() ? 0 : stake[i];
      long next = total + counted[i];
      overflow |= next < total;
      total = next;
    }
    long[] share = new long[n];
    if (overflow) {
      return normalizedWide(counted);
    }
    if (total == 0) {
      return share;
    }
    for (int i = 0; i < n; i++) {
      share[i] = Fixed.ratio(counted[i], total);
    }
    return share;
  }

  /** The same share when the total exceeds a signed 64-bit count of rao. */
  private static long[] normalizedWide(long[] counted) {
    BigInteger total = BigInteger.ZERO;
    for (long s : counted) {
      total = total.add(BigInteger.valueOf(s));
    }
    long[] share = new long[counted.length];
    for (int i = 0; i < counted.length; i++) {
      share[i] = BigInteger.valueOf(counted[i]).shiftLeft(32).divide(total).longValueExact();
    }
    return share;
  }
}
