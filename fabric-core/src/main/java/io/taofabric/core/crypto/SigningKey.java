package io.taofabric.core.crypto;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair that signs as one hotkey, with BouncyCastle's RFC 8032 implementation: many
 * times faster than JDK 17's provider (docs/benchmarks.md), and the same signatures, byte for byte
 * (Ed25519 signatures are deterministic). Thread-safe: signing only reads the key.
 */
public final class SigningKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The RFC 8032 private key: 32 random bytes, from which the signing scalar is hashed. */
  private final byte[] seed;
  private final byte[] rawHotkey;
  private final String hotkey;

  private SigningKey(byte[] seed) {
    this.seed = seed;
    this.rawHotkey = new byte[Hotkeys.RAW_LENGTH];
    Ed25519.generatePublicKey(seed, 0, rawHotkey, 0);
    this.hotkey = Hotkeys.of(rawHotkey);
  }

  /** A fresh key pair from the JDK's default secure random source. */
  public static SigningKey generate() {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    Ed25519.generatePrivateKey(RANDOM, seed);
    return new SigningKey(seed);
  }

  /**
   * The key pair of a 32-byte RFC 8032 private key (its seed), such as a wallet stores; copies it.
   *
   * @throws IllegalArgumentException when {@code seed} is not 32 bytes
   */
  public static SigningKey fromSeed(byte[] seed) {
    if (seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, not " + seed.length);
    }
    return new SigningKey(seed.clone());
  }

  /**
   * An existing Ed25519 key pair, such as the JDK's {@code KeyPairGenerator} makes.
   *
   * @throws IllegalArgumentException when it is not an Ed25519 pair, or its public key is not its
   *     private key's
   */
  public static SigningKey of(KeyPair pair) {
    byte[] seed = pair.getPrivate() instanceof EdECPrivateKey key ? key.getBytes().orElse(null) : null;
    if (seed == null || seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + pair.getPrivate().getAlgorithm());
    }
    SigningKey signing = new SigningKey(seed);
    if (!Arrays.equals(signing.rawHotkey, Hotkeys.raw(pair.getPublic()))) {
      throw new IllegalArgumentException("the key pair's public key is not its private key's");
    }
    return signing;
  }

  /** The hotkey this key signs as. */
  public String hotkey() {
    return hotkey;
  }

  /** The 32-byte RFC 8032 private key this pair derives from (a copy): the secret a wallet keeps. */
  public byte[] seed() {
    return seed.clone();
  }

  /** The raw 32 public key bytes (a copy). */
  public byte[] rawHotkey() {
    return rawHotkey.clone();
  }

  /** The 64-byte Ed25519 signature of {@code message[offset, offset + length)}. */
  public byte[] sign(byte[] message, int offset, int length) {
    byte[] signature = new byte[Signatures.LENGTH];
    // given the public key, BouncyCastle need not derive it from the seed again for every signature
    Ed25519.sign(seed, 0, rawHotkey, 0, message, offset, length, signature, 0);
    return signature;
  }

  @Override
  public String toString() {
    return "SigningKey[" + hotkey + "]";
  }
}
