package io.taofabric.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a message body. Signatures cover a small header that carries this hash rather than
 * the body itself, so a receiver authenticates the caller before it reads a possibly large body.
 */
public final class BodyHash {
  /** Bytes of a body hash. */
  public static final int LENGTH = 32;

  private BodyHash() {}

  /** The SHA-256 of {@code body[offset, offset + length)}. */
  public static byte[] sha256(byte[] body, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(body, offset, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The SHA-256 of the whole {@code body}. */
  public static byte[] sha256(byte[] body) {
    return sha256(body, 0, body.length);
  }
}
