package io.taofabric.core.ledger;

/** One UID's share of a settled epoch: who gets it, and how much rao. */
public record UidEmission(int uid, String hotkey, String coldkey, long amount) {
  /** Validates the fields. */
  public UidEmission {
    if (uid < 0 || hotkey == null || hotkey.isBlank() || coldkey == null || coldkey.isBlank()) {
      throw new IllegalArgumentException("emission for uid " + uid + " lacks a hotkey or coldkey");
    }
    if (amount < 0) {
      throw new IllegalArgumentException("emission for uid " + uid + " is negative: " + amount);
    }
  }
}
