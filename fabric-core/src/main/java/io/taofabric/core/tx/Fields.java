package io.taofabric.core.tx;

import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.emission.BlockEmission;

/** The field checks every transaction shares; each failure names the field. */
final class Fields {
  /** The largest netuid: netuids are u16, and 0 is never a subnet anyone creates. */
  static final int MAX_NETUID = 65_535;

  private Fields() {}

  static void requireKey(String field, String key) {
    if (!Hotkeys.isCanonical(key)) {
      throw new IllegalArgumentException(field + " must be 64 lowercase hex characters (an Ed25519 public key), got " + key);
    }
  }

  /** A SHA-256 in hex has a key's spelling: 32 bytes as 64 lowercase hex characters. */
  static void requireSha256(String field, String hash) {
    if (!Hotkeys.isCanonical(hash)) {
      throw new IllegalArgumentException(field + " must be 64 lowercase hex characters (a SHA-256), got " + hash);
    }
  }

  static void requireNetuid(int netuid) {
    if (netuid < 1 || netuid > MAX_NETUID) {
      throw new IllegalArgumentException("netuid must be in [1, " + MAX_NETUID + "], got " + netuid);
    }
  }

  static void requireRao(long rao) {
    if (rao < 1 || rao > BlockEmission.MAX_SUPPLY_RAO) {
      throw new IllegalArgumentException("rao must be in [1, " + BlockEmission.MAX_SUPPLY_RAO + "] (21M TAO), got " + rao);
    }
  }

  /**
   * Printable ASCII without spaces, 1 to {@code maxLength} characters: a string a signature covers
   * has one spelling, so no Unicode normalisation or invisible character can make two texts look
   * alike.
   */
  static void requireToken(String field, String value, int maxLength) {
    if (value == null || value.isEmpty() || value.length() > maxLength) {
      throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " characters, got " + quoted(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new IllegalArgumentException(field + " must be printable ASCII without spaces, got " + quoted(value));
      }
    }
  }

  private static String quoted(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
