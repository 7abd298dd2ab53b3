package io.taofabric.core.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The coldkey file format: a golden file written by the first version still opens, and every kind
 * of damage is a clear error that loads nothing.
 */
class ColdkeyFileTest {
  private static final Path WHERE = Path.of("wallets", "golden", "coldkey");
  private static final char[] PASSWORD = "correct horse".toCharArray();

  /** RFC 8032 §7.1 TEST 1's secret key, under {@link #PASSWORD}, with 1,000 iterations. */
  private static final String GOLDEN =
      "taofabric-coldkey 1\n"
          + "public=d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a\n"
          + "kdf=pbkdf2-hmac-sha256\n"
          + "iterations=1000\n"
          + "salt=584458cfb3ee2725bd9a6fe8d3155289\n"
          + "cipher=aes-256-gcm\n"
          + "iv=8804955a3a007dfaea995d39\n"
          + "ciphertext=061e40c6c83451415898921312611daab42ac188535a5ff984351f5a7ba852836e03610a1e13668d069f5eab16192e55\n"
          + "checksum=7e802dcec43cc4311b4b3cb000f4dc13964ff303bd8a28252c70491bd47eb4cd\n";

  private static final String RFC_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

  @Test
  void shouldOpenTheGoldenFileOfVersionOne() throws WalletException {
    SigningKey key = ColdkeyFile.read(bytes(GOLDEN), PASSWORD, WHERE);

    assertEquals(RFC_SEED, HexFormat.of().formatHex(key.seed()));
    assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", key.hotkey());
    assertEquals(key.hotkey(), ColdkeyFile.publicKey(bytes(GOLDEN), WHERE));
  }

  @Test
  void shouldRoundTripAKeyWithAFreshSaltAndIvEachTime() throws WalletException {
    SigningKey key = SigningKey.generate();

    byte[] first = ColdkeyFile.write(key, PASSWORD, 1_000);
    byte[] second = ColdkeyFile.write(key, PASSWORD, 1_000);

    assertArrayEquals(key.seed(), ColdkeyFile.read(first, PASSWORD, WHERE).seed());
    assertArrayEquals(key.seed(), ColdkeyFile.read(second, PASSWORD, WHERE).seed());
    assertNotEquals(new String(first, StandardCharsets.US_ASCII), new String(second, StandardCharsets.US_ASCII));
  }

  @Test
  void shouldRefuseAWrongPassword() {
    WrongPasswordException e =
        assertThrows(WrongPasswordException.class, () -> ColdkeyFile.read(bytes(GOLDEN), "correct hors".toCharArray(), WHERE));
    assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
    assertThrows(WrongPasswordException.class, () -> ColdkeyFile.read(bytes(GOLDEN), new char[0], WHERE));
  }

  @Test
  void shouldCallADamagedCiphertextDamageNotAWrongPassword() {
    String damaged = GOLDEN.replace("ciphertext=061e", "ciphertext=071e");

    KeyFileException e = assertThrows(KeyFileException.class, () -> ColdkeyFile.read(bytes(damaged), PASSWORD, WHERE));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void shouldRefuseATamperedCiphertextWhoseChecksumWasForgedAsTheTagFails() {
    String tampered = withChecksum(GOLDEN.replace("ciphertext=061e", "ciphertext=071e"));

    assertThrows(WrongPasswordException.class, () -> ColdkeyFile.read(bytes(tampered), PASSWORD, WHERE));
  }

  @Test
  void shouldAuthenticateTheHeaderWithThePassword() {
    String otherPublic = withChecksum(GOLDEN.replace("public=d75a98", "public=d75a99"));
    String fewerIterations = withChecksum(GOLDEN.replace("iterations=1000", "iterations=999"));

    assertThrows(WrongPasswordException.class, () -> ColdkeyFile.read(bytes(otherPublic), PASSWORD, WHERE));
    assertThrows(WrongPasswordException.class, () -> ColdkeyFile.read(bytes(fewerIterations), PASSWORD, WHERE));
  }

  @Test
  void shouldRefuseAFileTruncatedAnywhere() {
    byte[] golden = bytes(GOLDEN);
    for (int length = 0; length < golden.length; length++) {
      byte[] truncated = Arrays.copyOf(golden, length);
      assertThrows(KeyFileException.class, () -> ColdkeyFile.read(truncated, PASSWORD, WHERE), "length " + length);
    }
  }

  @Test
  void shouldRefuseAFutureVersionByName() {
    KeyFileException e =
        assertThrows(
            KeyFileException.class,
            () -> ColdkeyFile.read(bytes(GOLDEN.replace("taofabric-coldkey 1", "taofabric-coldkey 2")), PASSWORD, WHERE));
    assertTrue(e.getMessage().contains("version 2") && e.getMessage().contains("newer"), e.getMessage());

    assertThrows(
        KeyFileException.class,
        () -> ColdkeyFile.read(bytes(GOLDEN.replace("taofabric-coldkey 1", "taofabric-coldkey 01")), PASSWORD, WHERE));
    assertThrows(
        KeyFileException.class,
        () -> ColdkeyFile.read(bytes(GOLDEN.replace("taofabric-coldkey", "taofabric-hotkey")), PASSWORD, WHERE));
  }

  @Test
  void shouldRefuseAnythingButTheExactLayout() {
    String[] variants = {
      GOLDEN.replace("\n", "\r\n"),
      GOLDEN + "extra=1\n",
      GOLDEN.replace("kdf=pbkdf2-hmac-sha256\niterations=1000\n", "iterations=1000\nkdf=pbkdf2-hmac-sha256\n"),
      GOLDEN.replace("salt=5844", "salt=5844aa"),
      GOLDEN.replace("salt=584458cfb3ee2725bd9a6fe8d3155289", "salt=584458CFB3EE2725BD9A6FE8D3155289"),
      GOLDEN.replace("iv=", "iv = "),
      GOLDEN + "\n",
    };
    for (String variant : variants) {
      assertThrows(KeyFileException.class, () -> ColdkeyFile.read(bytes(variant), PASSWORD, WHERE), variant);
    }
  }

  @Test
  void shouldRefuseUnsupportedAlgorithmsAndIterationCountsEvenWithAGoodChecksum() {
    String[] variants = {
      GOLDEN.replace("kdf=pbkdf2-hmac-sha256", "kdf=scrypt"),
      GOLDEN.replace("cipher=aes-256-gcm", "cipher=aes-128-gcm"),
      GOLDEN.replace("iterations=1000", "iterations=0"),
      GOLDEN.replace("iterations=1000", "iterations=10000001"),
      GOLDEN.replace("iterations=1000", "iterations=01000"),
    };
    for (String variant : variants) {
      KeyFileException e =
          assertThrows(KeyFileException.class, () -> ColdkeyFile.read(bytes(withChecksum(variant)), PASSWORD, WHERE));
      assertTrue(e.getMessage().startsWith(WHERE.toString()), e.getMessage());
    }
  }

  /** {@code file} with its checksum line recomputed, as someone altering it on purpose would. */
  private static String withChecksum(String file) {
    String body = file.substring(0, file.indexOf("checksum="));
    return body + "checksum=" + HexFormat.of().formatHex(BodyHash.sha256(bytes(body))) + "\n";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
