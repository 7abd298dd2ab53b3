package io.taofabric.core.wallet;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Password encryption of a key's seed with the JDK alone: PBKDF2-HMAC-SHA256 turns the password
 * (its UTF-8 bytes, as the JDK encodes them) and a salt into a 256-bit key, and AES-256-GCM encrypts
 * the seed under it, authenticating the file's header as associated data. Our copy of the derived
 * key is wiped after use (the JDK's key objects keep theirs until collected).
 */
final class SeedSeal {
  /** Bytes of the PBKDF2 salt. */
  static final int SALT_BYTES = 16;
  /** Bytes of the GCM nonce. */
  static final int IV_BYTES = 12;
  /** Bytes of the GCM tag appended to the ciphertext. */
  static final int TAG_BYTES = 16;

  private SeedSeal() {}

  /** {@code seed} encrypted under {@code password}, then the tag; {@code header} is authenticated too. */
  static byte[] seal(byte[] seed, char[] password, byte[] salt, int iterations, byte[] iv, byte[] header) {
    try {
      return run(Cipher.ENCRYPT_MODE, seed, password, salt, iterations, iv, header);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("encryption checks no tag", e);
    }
  }

  /**
   * The seed {@code sealed} holds.
   *
   * @throws AEADBadTagException when the password is wrong, or the ciphertext or header was altered
   */
  static byte[] open(byte[] sealed, char[] password, byte[] salt, int iterations, byte[] iv, byte[] header)
      throws AEADBadTagException {
    return run(Cipher.DECRYPT_MODE, sealed, password, salt, iterations, iv, header);
  }

  private static byte[] run(
      int mode, byte[] input, char[] password, byte[] salt, int iterations, byte[] iv, byte[] header)
      throws AEADBadTagException {
    byte[] key = derive(password, salt, iterations);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * TAG_BYTES, iv));
      cipher.updateAAD(header);
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has AES-256-GCM", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
