package io.taofabric.deploy.node;

import io.taofabric.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/**
 * The demonstration network's Ed25519 keys, each derived from a public label ({@code
 * validator-2}, {@code miner-2-0}): its RFC 8032 private key is the SHA-256 of the label. A
 * bootstrap node that restarts must sign as the hotkeys it registered before, since every
 * registration is keyed to be made once; deriving them keeps them without storing secrets. Anyone
 * can derive them too, which is acceptable for a demonstration and nothing else.
 */
final class DemoKeys {
  private DemoKeys() {}

  /** The key of {@code label}; the same label gives the same key in every process. */
  static SigningKey of(String label) {
    try {
      byte[] seed = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new Seed(seed));
      return SigningKey.of(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519 or SHA-256", e);
    }
  }

  /** The JDK's generator draws the 32-byte private key in one call; this hands it the seed instead. */
  private static final class Seed extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    Seed(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("asked for " + bytes.length + " random bytes, the seed has " + seed.length);
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }
}
