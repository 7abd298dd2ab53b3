package io.taofabric.core.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Ed25519 verification. A malformed signature is a failed verification, not an error. */
public final class Signatures {
  /** Bytes of an Ed25519 signature. */
  public static final int LENGTH = 64;

  private Signatures() {}

  /** Whether {@code signature} is {@code key}'s signature of {@code message[offset, offset + length)}. */
  public static boolean verify(PublicKey key, byte[] message, int offset, int length, byte[] signature) {
    if (signature.length != LENGTH) {
      return false;
    }
    try {
      Signature engine = Signature.getInstance("Ed25519");
      engine.initVerify(key);
      engine.update(message, offset, length);
      return engine.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
