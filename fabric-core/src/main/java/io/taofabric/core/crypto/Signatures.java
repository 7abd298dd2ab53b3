package io.taofabric.core.crypto;

import java.security.PublicKey;

/**
 * Ed25519 verification (RFC 8032, BouncyCastle's implementation). A malformed signature or key is a
 * failed verification, not an error.
 */
public final class Signatures {
  /** Bytes of an Ed25519 signature. */
  public static final int LENGTH = 64;

  private Signatures() {}

  /**
   * Whether {@code signature} is {@code key}'s signature of {@code message[offset, offset + length)}.
   * Keys from {@link Hotkeys#publicKey} verify faster than other Ed25519 keys, which are decoded on
   * every call; any other kind of key verifies nothing.
   */
  public static boolean verify(PublicKey key, byte[] message, int offset, int length, byte[] signature) {
    VerifyingKey verifying = VerifyingKey.of(key);
    return verifying != null && verifying.verify(message, offset, length, signature);
  }
}
