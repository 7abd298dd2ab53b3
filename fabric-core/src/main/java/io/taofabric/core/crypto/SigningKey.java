package io.taofabric.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;

/** An Ed25519 key pair that signs as one hotkey. Thread-safe: each signature uses its own engine. */
public final class SigningKey {
  private final KeyPair pair;
  private final byte[] rawHotkey;
  private final String hotkey;

  private SigningKey(KeyPair pair) {
    this.pair = pair;
    this.rawHotkey = Hotkeys.raw(pair.getPublic());
    this.hotkey = Hotkeys.of(rawHotkey);
  }

  /** A fresh key pair from the JDK's default secure random source. */
  public static SigningKey generate() {
    try {
      return new SigningKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** An existing Ed25519 key pair. */
  public static SigningKey of(KeyPair pair) {
    return new SigningKey(pair);
  }

  /** The hotkey this key signs as. */
  public String hotkey() {
    return hotkey;
  }

  /** The raw 32 public key bytes (a copy). */
  public byte[] rawHotkey() {
    return rawHotkey.clone();
  }

  /** The 64-byte Ed25519 signature of {@code message[offset, offset + length)}. */
  public byte[] sign(byte[] message, int offset, int length) {
    try {
      Signature engine = Signature.getInstance("Ed25519");
      engine.initSign(pair.getPrivate());
      engine.update(message, offset, length);
      return engine.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + hotkey + "]";
  }
}
