package io.taofabric.core.yuma;

import io.taofabric.core.fixed.Fixed;

/**
 * What one epoch computes (spec §3.11–3.12). Proportions are I32F32 bits; {@link #toU16} gives
 * their stored encoding. Emissions are rao. The arrays are owned by the result.
 *
 * @param active whether each UID set weights within the activity cutoff
 * @param validatorPermit the permits this epoch stores for the next one
 * @param stake normalised, threshold-filtered stake S
 * @param activeStake normalised active stake A
 * @param consensus stake-weighted median weight per UID, C
 * @param incentive I
 * @param dividends D
 * @param validatorTrust sum of each validator's clipped weights
 * @param serverEmission the incentive part of each UID's emission
 * @param validatorEmission the dividend part of each UID's emission
 * @param emission each UID's share of the epoch's emission (what pruning ranks by)
 * @param bonds the bond rows this epoch stores, raw u16
 */
public record EpochResult(
    boolean[] active,
    boolean[] validatorPermit,
    long[] stake,
    long[] activeStake,
    long[] consensus,
    long[] incentive,
    long[] dividends,
    long[] validatorTrust,
    long[] serverEmission,
    long[] validatorEmission,
    long[] emission,
    SparseMatrix bonds) {

  /** The u16 storage encoding of a vector of proportions. */
  public static int[] toU16(long[] proportions) {
    int[] out = new int[proportions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Fixed.proportionToU16(proportions[i]);
    }
    return out;
  }
}
