package io.taofabric.core.subnet;

/**
 * What one epoch gave one UID, as stored: enough to replay the epoch without running it again,
 * and the metagraph's per-UID columns. Proportions are u16 ({@code v / 65535}).
 *
 * @param uid the UID
 * @param hotkey the hotkey holding the UID at the epoch
 * @param coldkey the hotkey's coldkey, who the ledger credits
 * @param emission rao paid to the UID, added to its hotkey's stake on the subnet
 * @param validatorPermit the permit the epoch stored for the next one
 * @param consensus the UID's consensus weight
 * @param incentive the UID's incentive
 * @param dividends the UID's dividends
 * @param validatorTrust the sum of the UID's clipped weights
 * @param bonds the UID's bond row after the epoch
 */
public record UidEpochResult(
    int uid,
    String hotkey,
    String coldkey,
    long emission,
    boolean validatorPermit,
    int consensus,
    int incentive,
    int dividends,
    int validatorTrust,
    SparseRow bonds) {

  /** Validates the fields. */
  public UidEpochResult {
    if (uid < 0 || hotkey == null || coldkey == null || bonds == null) {
      throw new IllegalArgumentException("epoch result of uid " + uid + " is incomplete");
    }
    if (emission < 0) {
      throw new IllegalArgumentException("emission of uid " + uid + " is negative: " + emission);
    }
    for (int u16 : new int[] {consensus, incentive, dividends, validatorTrust}) {
      if (u16 < 0 || u16 > 65_535) {
        throw new IllegalArgumentException("epoch result of uid " + uid + " holds a non-u16 " + u16);
      }
    }
  }
}
