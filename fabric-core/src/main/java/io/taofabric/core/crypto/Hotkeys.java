package io.taofabric.core.crypto;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A hotkey is the lowercase hex of an Ed25519 public key's 32 raw bytes: 64 characters. Hex rather
 * than base58: the JDK encodes it ({@link HexFormat}), it needs no alphabet or checksum code of ours,
 * and the text sorts and compares like the bytes; the metagraph already keys neurons by this string.
 */
public final class Hotkeys {
  /** Bytes of a raw Ed25519 public key. */
  public static final int RAW_LENGTH = 32;

  /** The fixed X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410): the raw key follows. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final HexFormat HEX = HexFormat.of();

  private Hotkeys() {}

  /** The hotkey text of raw public key bytes. */
  public static String of(byte[] raw) {
    requireRaw(raw);
    return HEX.formatHex(raw);
  }

  /**
   * Whether {@code text} is a hotkey as {@link #of} writes it: 64 lowercase hex characters. Signed
   * formats accept only this spelling, so one key has one text and one set of bytes.
   */
  public static boolean isCanonical(String text) {
    if (text == null || text.length() != 2 * RAW_LENGTH) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The raw 32 bytes of a hotkey; refuses text that is not 64 hex characters. */
  public static byte[] raw(String hotkey) {
    if (hotkey.length() != 2 * RAW_LENGTH) {
      throw new IllegalArgumentException("a hotkey is 64 hex characters: " + hotkey);
    }
    return HEX.parseHex(hotkey);
  }

  /** The raw 32 bytes of an Ed25519 public key. */
  public static byte[] raw(PublicKey key) {
    byte[] raw = rawOrNull(key);
    if (raw == null) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return raw;
  }

  /**
   * The verifying key of raw public key bytes, for {@link Signatures#verify}; keep it to verify
   * against the same key again, it holds the decoded point. Any 32 bytes make a key: bytes that
   * encode no usable point make one that no signature verifies under.
   */
  public static PublicKey publicKey(byte[] raw) {
    requireRaw(raw);
    return new VerifyingKey(raw.clone());
  }

  /** The raw 32 bytes of {@code key}, or null when it is not an X.509-encoded Ed25519 public key. */
  static byte[] rawOrNull(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded == null
        || encoded.length != X509_PREFIX.length + RAW_LENGTH
        || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      return null;
    }
    return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
  }

  /** The X.509 SubjectPublicKeyInfo encoding of raw public key bytes. */
  static byte[] x509(byte[] raw) {
    byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_LENGTH);
    System.arraycopy(raw, 0, encoded, X509_PREFIX.length, RAW_LENGTH);
    return encoded;
  }

  private static void requireRaw(byte[] raw) {
    if (raw.length != RAW_LENGTH) {
      throw new IllegalArgumentException("a raw Ed25519 public key is 32 bytes, not " + raw.length);
    }
  }
}
