package io.taofabric.core.emission;

/**
 * TAO minted per block (spec §7): 1 TAO, halved each time issuance crosses {@code 21M·(1 − 2^-k)},
 * never past the 21M cap. Exact integer maths, no floating point.
 */
public final class BlockEmission {
  /** rao in one TAO. */
  public static final long RAO_PER_TAO = 1_000_000_000L;

  /** The supply cap, rao. */
  public static final long MAX_SUPPLY_RAO = 21_000_000L * RAO_PER_TAO;

  private BlockEmission() {}

  /** Halvings that have happened at {@code issuance}: {@code floor(log2(cap / (cap − issuance)))}. */
  public static int halvings(long issuance) {
    requireIssuance(issuance);
    if (issuance == MAX_SUPPLY_RAO) {
      return Integer.MAX_VALUE;
    }
    long ratio = MAX_SUPPLY_RAO / (MAX_SUPPLY_RAO - issuance); // floor keeps floor(log2) exact
    return 63 - Long.numberOfLeadingZeros(ratio);
  }

  /** rao minted by the next block when {@code issuance} rao exist. */
  public static long perBlock(long issuance) {
    int halvings = halvings(issuance);
    long emission = halvings >= 63 ? 0 : RAO_PER_TAO >> halvings;
    return Math.min(emission, MAX_SUPPLY_RAO - issuance);
  }

  private static void requireIssuance(long issuance) {
    if (issuance < 0 || issuance > MAX_SUPPLY_RAO) {
      throw new IllegalArgumentException(
          "issuance must be in [0, " + MAX_SUPPLY_RAO + "] rao, got " + issuance);
    }
  }
}
