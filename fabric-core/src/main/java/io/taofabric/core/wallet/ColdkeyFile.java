package io.taofabric.core.wallet;

import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.SigningKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.AEADBadTagException;

/**
 * The coldkey file: the coldkey's 32-byte seed encrypted under a password. Text, read strictly
 * ({@link KeyText}):
 *
 * <pre>
 * taofabric-coldkey 1
 * public=&lt;the coldkey, 64 hex&gt;
 * kdf=pbkdf2-hmac-sha256
 * iterations=&lt;PBKDF2 iterations, decimal&gt;
 * salt=&lt;16 bytes, hex&gt;
 * cipher=aes-256-gcm
 * iv=&lt;12 bytes, hex&gt;
 * ciphertext=&lt;the seed encrypted, then the 16-byte GCM tag: 48 bytes, hex&gt;
 * checksum=&lt;SHA-256 of every byte before this line, hex&gt;
 * </pre>
 *
 * <p>The lines before {@code ciphertext} are GCM's associated data, so the public key, the salt and
 * the iteration count cannot be changed without the password noticing. The checksum tells damage
 * from a wrong password: a file whose checksum fails was altered or cut short, one whose checksum
 * holds but whose tag fails was opened with the wrong password. The public key is there in clear
 * so that a wallet can show its coldkey without the password.
 */
final class ColdkeyFile {
  static final String KIND = "taofabric-coldkey";
  static final int VERSION = 1;

  /** The fewest iterations a file may name; real wallets use {@link Wallets#DEFAULT_ITERATIONS}. */
  static final int MIN_ITERATIONS = 1;
  /** The most iterations a file may name: a file cannot make opening it take hours. */
  static final int MAX_ITERATIONS = 10_000_000;

  /** No coldkey file is larger. */
  static final int MAX_BYTES = 1024;

  private static final String KDF = "pbkdf2-hmac-sha256";
  private static final String CIPHER = "aes-256-gcm";
  private static final List<String> HEADER = List.of("public", "kdf", "iterations", "salt", "cipher", "iv");
  private static final List<String> FIELDS =
      List.of("public", "kdf", "iterations", "salt", "cipher", "iv", "ciphertext", "checksum");
  /** The fields the checksum covers: all before it. */
  private static final List<String> CHECKSUMMED = FIELDS.subList(0, FIELDS.size() - 1);
  private static final int SEALED_BYTES = Hotkeys.RAW_LENGTH + SeedSeal.TAG_BYTES;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private ColdkeyFile() {}

  /** The file holding {@code key}'s seed under {@code password}, with a fresh salt and IV. */
  static byte[] write(SigningKey key, char[] password, int iterations) {
    byte[] salt = new byte[SeedSeal.SALT_BYTES];
    byte[] iv = new byte[SeedSeal.IV_BYTES];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(iv);
    List<String> header =
        List.of(key.hotkey(), KDF, Integer.toString(iterations), HEX.formatHex(salt), CIPHER, HEX.formatHex(iv));
    byte[] seed = key.seed();
    byte[] sealed;
    try {
      sealed = SeedSeal.seal(seed, password, salt, iterations, iv, KeyText.render(KIND, VERSION, HEADER, header));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    List<String> values = new ArrayList<>(header);
    values.add(HEX.formatHex(sealed));
    values.add(HEX.formatHex(BodyHash.sha256(KeyText.render(KIND, VERSION, CHECKSUMMED, values))));
    return KeyText.render(KIND, VERSION, FIELDS, values);
  }

  /** The coldkey (public) the file at {@code where} holds, read without the password. */
  static String publicKey(byte[] file, Path where) throws KeyFileException {
    return parse(file, where).publicKey();
  }

  /**
   * The coldkey the file at {@code where} holds, opened with {@code password}.
   *
   * @throws WrongPasswordException when the password does not open it
   * @throws KeyFileException when the file is not an intact coldkey file this build reads
   */
  static SigningKey read(byte[] file, char[] password, Path where) throws KeyFileException, WrongPasswordException {
    Parsed parsed = parse(file, where);
    byte[] seed;
    try {
      seed = SeedSeal.open(parsed.sealed(), password, parsed.salt(), parsed.iterations(), parsed.iv(), parsed.header());
    } catch (AEADBadTagException e) {
      throw new WrongPasswordException("wrong password for the coldkey in " + where);
    }
    try {
      SigningKey key = SigningKey.fromSeed(seed);
      if (!key.hotkey().equals(parsed.publicKey())) {
        throw new KeyFileException(where + " holds a seed that is not the key its public line names");
      }
      return key;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** A checked file's parts; {@code header} is the associated data the tag covers. */
  private record Parsed(String publicKey, int iterations, byte[] salt, byte[] iv, byte[] sealed, byte[] header) {}

  private static Parsed parse(byte[] file, Path where) throws KeyFileException {
    List<String> values = KeyText.parse(file, KIND, VERSION, FIELDS, where);
    byte[] checksum = KeyText.hex(values.get(CHECKSUMMED.size()), BodyHash.LENGTH, "checksum", where);
    byte[] checked = KeyText.render(KIND, VERSION, CHECKSUMMED, values.subList(0, CHECKSUMMED.size()));
    if (!Arrays.equals(checksum, BodyHash.sha256(checked))) {
      throw new KeyFileException(where + " was altered or damaged: its checksum does not match");
    }
    String publicKey = values.get(0);
    if (!Hotkeys.isCanonical(publicKey)) {
      throw new KeyFileException(where + ": public must be 64 lowercase hex characters");
    }
    requireEqual(values.get(1), KDF, "kdf", where);
    int iterations = iterations(values.get(2), where);
    byte[] salt = KeyText.hex(values.get(3), SeedSeal.SALT_BYTES, "salt", where);
    requireEqual(values.get(4), CIPHER, "cipher", where);
    byte[] iv = KeyText.hex(values.get(5), SeedSeal.IV_BYTES, "iv", where);
    byte[] sealed = KeyText.hex(values.get(6), SEALED_BYTES, "ciphertext", where);
    byte[] header = KeyText.render(KIND, VERSION, HEADER, values.subList(0, HEADER.size()));
    return new Parsed(publicKey, iterations, salt, iv, sealed, header);
  }

  private static int iterations(String value, Path where) throws KeyFileException {
    if (value.matches("[1-9][0-9]{0,7}")) {
      int iterations = Integer.parseInt(value);
      if (iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS) {
        return iterations;
      }
    }
    throw new KeyFileException(where + ": iterations must be a whole number in [" + MIN_ITERATIONS + ", " + MAX_ITERATIONS + "]");
  }

  private static void requireEqual(String value, String expected, String name, Path where) throws KeyFileException {
    if (!value.equals(expected)) {
      throw new KeyFileException(where + ": " + name + " '" + value + "' is not supported (only " + expected + ")");
    }
  }
}
