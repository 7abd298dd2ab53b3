package io.taofabric.core.yuma;

/**
 * A consistent snapshot of one subnet's epoch inputs (spec §2). All per-UID arrays have length
 * {@code n}; the arrays are owned by the snapshot and must not be changed after construction.
 *
 * @param block the block the epoch runs at
 * @param stake alpha stake of each UID's hotkey, rao
 * @param weights stored weight rows: {@code (target uid, u16)} in the order the validator sent them
 * @param bonds stored bond rows: {@code (target uid, u16)}
 * @param lastUpdate block of each UID's last weights (or commit) transaction
 * @param blockAtRegistration block each UID was (re)registered at
 * @param validatorPermit permits stored by the previous epoch
 * @param commitBlocks each validator's earliest unexpired weights commit block ({@link
 *     Long#MAX_VALUE} where none), or {@code null} when commit–reveal is off
 */
public record EpochInput(
    long block,
    long[] stake,
    SparseMatrix weights,
    SparseMatrix bonds,
    long[] lastUpdate,
    long[] blockAtRegistration,
    boolean[] validatorPermit,
    long[] commitBlocks) {

  /** Checks that every per-UID part has one entry per UID and stakes are non-negative. */
  public EpochInput {
    int n = stake.length;
    requireLength("weights", weights.rows(), n);
    requireLength("bonds", bonds.rows(), n);
    requireLength("last_update", lastUpdate.length, n);
    requireLength("block_at_registration", blockAtRegistration.length, n);
    requireLength("validator_permit", validatorPermit.length, n);
    if (commitBlocks != null) {
      requireLength("commit_blocks", commitBlocks.length, n);
    }
    for (int i = 0; i < n; i++) {
      if (stake[i] < 0) {
        throw new IllegalArgumentException("stake[" + i + "] is negative: " + stake[i]);
      }
    }
  }

  /** Number of UIDs. */
  public int n() {
    return stake.length;
  }

  private static void requireLength(String name, int actual, int n) {
    if (actual != n) {
      throw new IllegalArgumentException(name + " has " + actual + " entries for " + n + " UIDs");
    }
  }
}
