package io.taofabric.core.participant;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Weights a validator committed and has yet to reveal: the subnet holds only {@code hash}, so the
 * weights and the salt live here until the reveal.
 *
 * @param block the block of the commit, from which the reveal delay counts
 */
public record PendingCommit(List<Integer> uids, List<Integer> values, byte[] salt, String hash, long block) {
  /** Copies the lists and the salt. */
  public PendingCommit {
    uids = List.copyOf(uids);
    values = List.copyOf(values);
    salt = salt.clone();
  }

  /** A copy of the salt. */
  @Override
  public byte[] salt() {
    return salt.clone();
  }

  /** Equal when every field is, the salt by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PendingCommit c
        && uids.equals(c.uids)
        && values.equals(c.values)
        && Arrays.equals(salt, c.salt)
        && hash.equals(c.hash)
        && block == c.block;
  }

  @Override
  public int hashCode() {
    return Objects.hash(uids, values, Arrays.hashCode(salt), hash, block);
  }

  @Override
  public String toString() {
    return "PendingCommit[uids=" + uids + ", values=" + values + ", salt=" + HexFormat.of().formatHex(salt)
        + ", hash=" + hash + ", block=" + block + "]";
  }
}
