package io.taofabric.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our signatures are RFC 8032 Ed25519, byte for byte: the RFC's own test vector, and agreement with
 * the JDK's provider both ways.
 */
class Ed25519InteropTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 §7.1, TEST 1: the empty message. */
  private static final byte[] RFC_SECRET =
      HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  private static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final byte[] RFC_SIGNATURE =
      HEX.parseHex(
          "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

  private static final Random RANDOM = new Random(8032);

  @Test
  void shouldReproduceRfc8032TestVector1() throws GeneralSecurityException {
    KeyPair rfc = rfcPair();
    SigningKey key = SigningKey.of(rfc);
    byte[] empty = new byte[0];

    assertEquals(RFC_PUBLIC, key.hotkey());
    assertArrayEquals(RFC_SIGNATURE, key.sign(empty, 0, 0));
    assertArrayEquals(RFC_SIGNATURE, jdkSign(rfc.getPrivate(), empty));
    assertTrue(Signatures.verify(Hotkeys.publicKey(HEX.parseHex(RFC_PUBLIC)), empty, 0, 0, RFC_SIGNATURE));
  }

  @Test
  void shouldDeriveTheRfcKeyFromItsSeedAndHandCopiesOfTheSeedBack() {
    byte[] seed = RFC_SECRET.clone();
    SigningKey key = SigningKey.fromSeed(seed);
    seed[0] ^= 1;
    key.seed()[0] ^= 1;

    assertEquals(RFC_PUBLIC, key.hotkey());
    assertArrayEquals(RFC_SIGNATURE, key.sign(new byte[0], 0, 0));
    assertArrayEquals(RFC_SECRET, key.seed());
    assertThrows(IllegalArgumentException.class, () -> SigningKey.fromSeed(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> SigningKey.fromSeed(new byte[33]));
  }

  @Test
  void shouldSignExactlyAsTheJdkAndVerifyEachOthersSignatures() throws GeneralSecurityException {
    for (int length : new int[] {0, 1, 32, 115, 1000}) {
      KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      SigningKey ours = SigningKey.of(jdk);
      byte[] message = new byte[length + 7];
      RANDOM.nextBytes(message);
      byte[] part = Arrays.copyOfRange(message, 3, 3 + length);

      byte[] ourSignature = ours.sign(message, 3, length);
      byte[] jdkSignature = jdkSign(jdk.getPrivate(), part);

      assertArrayEquals(jdkSignature, ourSignature, "length " + length);
      assertTrue(jdkVerify(jdk.getPublic(), part, ourSignature));
      assertTrue(jdkVerify(Hotkeys.publicKey(ours.rawHotkey()), part, ourSignature), "the JDK reads our key");
      assertTrue(Signatures.verify(Hotkeys.publicKey(ours.rawHotkey()), message, 3, length, jdkSignature));
      assertTrue(Signatures.verify(jdk.getPublic(), message, 3, length, jdkSignature), "a JDK key");
    }
  }

  @Test
  void shouldVerifyAGeneratedKeysSignaturesWithTheJdk() throws GeneralSecurityException {
    SigningKey ours = SigningKey.generate();
    byte[] message = new byte[100];
    RANDOM.nextBytes(message);
    PublicKey jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(
        new X509EncodedKeySpec(Hotkeys.publicKey(ours.rawHotkey()).getEncoded()));

    assertTrue(jdkVerify(jdkKey, message, ours.sign(message, 0, message.length)));
    assertArrayEquals(ours.rawHotkey(), Hotkeys.raw(jdkKey));
  }

  @Test
  void shouldFailMalformedSignaturesWithoutThrowing() {
    SigningKey key = SigningKey.generate();
    PublicKey publicKey = Hotkeys.publicKey(key.rawHotkey());
    byte[] message = {1, 2, 3};
    byte[] good = key.sign(message, 0, message.length);

    byte[] sTooLarge = good.clone();
    sTooLarge[63] |= (byte) 0xf0;
    byte[] rNotAPoint = good.clone();
    Arrays.fill(rNotAPoint, 0, 32, (byte) 0xff);
    for (byte[] bad :
        new byte[][] {new byte[0], Arrays.copyOf(good, 63), Arrays.copyOf(good, 65), new byte[64], sTooLarge, rNotAPoint}) {
      assertFalse(Signatures.verify(publicKey, message, 0, message.length, bad));
    }
    assertTrue(Signatures.verify(publicKey, message, 0, message.length, good));
  }

  @Test
  void shouldFailMalformedKeysWithoutThrowing() throws GeneralSecurityException {
    byte[] message = {1, 2, 3};
    byte[] signature = SigningKey.generate().sign(message, 0, message.length);
    byte[] nonCanonical = new byte[32];
    Arrays.fill(nonCanonical, (byte) 0xff);
    byte[] identity = new byte[32];
    identity[0] = 1;

    for (byte[] raw : new byte[][] {nonCanonical, identity, new byte[32]}) {
      PublicKey key = Hotkeys.publicKey(raw);
      assertFalse(Signatures.verify(key, message, 0, message.length, signature));
      assertEquals(HEX.formatHex(raw), Hotkeys.of(Hotkeys.raw(key)));
    }
    PublicKey ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
    PublicKey ed448Key = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic();
    assertFalse(Signatures.verify(ecKey, message, 0, message.length, signature));
    assertFalse(Signatures.verify(ed448Key, message, 0, message.length, signature));
  }

  @Test
  void shouldRefuseAKeyPairWhosePublicKeyIsAnothers() throws GeneralSecurityException {
    KeyPair a = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair b = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

    assertThrows(IllegalArgumentException.class, () -> SigningKey.of(new KeyPair(a.getPublic(), b.getPrivate())));
    assertThrows(
        IllegalArgumentException.class,
        () -> SigningKey.of(KeyPairGenerator.getInstance("Ed448").generateKeyPair()));
  }

  /** The RFC's secret key as a JDK private key, with the RFC's public key. */
  private static KeyPair rfcPair() throws GeneralSecurityException {
    PrivateKey privateKey =
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, RFC_SECRET));
    return new KeyPair(Hotkeys.publicKey(HEX.parseHex(RFC_PUBLIC)), privateKey);
  }

  private static byte[] jdkSign(PrivateKey key, byte[] message) throws GeneralSecurityException {
    Signature engine = Signature.getInstance("Ed25519");
    engine.initSign(key);
    engine.update(message);
    return engine.sign();
  }

  private static boolean jdkVerify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
    Signature engine = Signature.getInstance("Ed25519");
    engine.initVerify(key);
    engine.update(message);
    return engine.verify(signature);
  }
}
