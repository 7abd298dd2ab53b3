package io.taofabric.core.crypto;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key as its 32 raw bytes and the curve point they encode, decoded once: the query
 * path verifies against the same few keys over and over (a miner its validators, a fan-out its
 * miners), and decoding a point costs a square root in the field each time. An {@link EdECPublicKey},
 * so the JDK's own provider accepts it as well.
 */
final class VerifyingKey implements EdECPublicKey {
  private final byte[] raw;
  /**
   * Null when the bytes are no key any signature verifies under: not a canonical encoding of a curve
   * point, or a point of small order (BouncyCastle's partial validation, what its verification checks).
   */
  private final transient Ed25519.PublicPoint point;

  /** Takes {@code raw}, 32 bytes, without copying it. */
  VerifyingKey(byte[] raw) {
    this.raw = raw;
    this.point = Ed25519.validatePublicKeyPartialExport(raw, 0);
  }

  /** {@code key} itself when it is one, its raw bytes when it is another Ed25519 key, else null. */
  static VerifyingKey of(PublicKey key) {
    if (key instanceof VerifyingKey verifying) {
      return verifying;
    }
    byte[] raw = Hotkeys.rawOrNull(key);
    return raw == null ? null : new VerifyingKey(raw);
  }

  /** Whether {@code signature} is this key's RFC 8032 signature of {@code message[offset, offset + length)}. */
  boolean verify(byte[] message, int offset, int length, byte[] signature) {
    return point != null
        && signature.length == Signatures.LENGTH
        && Ed25519.verify(signature, 0, point, message, offset, length);
  }

  /** The point as RFC 8032 encodes it: y little-endian in 255 bits, the parity of x in the top bit. */
  @Override
  public EdECPoint getPoint() {
    byte[] bigEndian = new byte[raw.length];
    for (int i = 0; i < raw.length; i++) {
      bigEndian[i] = raw[raw.length - 1 - i];
    }
    boolean xOdd = (bigEndian[0] & 0x80) != 0;
    bigEndian[0] &= 0x7f;
    return new EdECPoint(xOdd, new BigInteger(1, bigEndian));
  }

  @Override
  public NamedParameterSpec getParams() {
    return NamedParameterSpec.ED25519;
  }

  /** What the JDK's own EdDSA keys answer. */
  @Override
  public String getAlgorithm() {
    return "EdDSA";
  }

  @Override
  public String getFormat() {
    return "X.509";
  }

  @Override
  public byte[] getEncoded() {
    return Hotkeys.x509(raw);
  }

  /** The decoded point is not serializable: a deserialized key decodes it again. */
  private Object readResolve() {
    return new VerifyingKey(raw);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifyingKey key && Arrays.equals(raw, key.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "VerifyingKey[" + Hotkeys.of(raw) + "]";
  }
}
