package io.taofabric.core.wallet;

import io.taofabric.core.crypto.SigningKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A directory of wallets, laid out as btcli lays out its own:
 *
 * <pre>
 * &lt;root&gt;/&lt;wallet&gt;/coldkey            the coldkey's seed, encrypted with a password ({@link ColdkeyFile})
 * &lt;root&gt;/&lt;wallet&gt;/coldkeypub.txt     the coldkey as 64 lowercase hex characters and a line break
 * &lt;root&gt;/&lt;wallet&gt;/hotkeys/&lt;hotkey&gt;   a hotkey's seed, in clear ({@link HotkeyFile})
 * </pre>
 *
 * <p>A wallet is a directory holding a coldkey, its public half, or both: a miner's machine needs
 * only {@code coldkeypub.txt} and its hotkeys, never the coldkey. Wallet and hotkey names are 1 to
 * 64 of {@code A-Z a-z 0-9 . _ -}, not starting with a dot, so a name is never a path. Keys are
 * written atomically, owner-only, and never over an existing key unless asked ({@link ExistingKey}).
 */
public final class Wallets {
  /**
   * PBKDF2 iterations for a new coldkey: OWASP's figure for PBKDF2-HMAC-SHA256, about half a second
   * to open a coldkey on a laptop, which is what makes guessing a password offline expensive.
   */
  public static final int DEFAULT_ITERATIONS = 600_000;

  static final String COLDKEY = "coldkey";
  static final String COLDKEY_PUB = "coldkeypub.txt";
  static final String HOTKEYS = "hotkeys";

  private final Path root;
  private final int iterations;

  /** The wallets under {@code root}, new coldkeys encrypted with {@link #DEFAULT_ITERATIONS}. */
  public Wallets(Path root) {
    this(root, DEFAULT_ITERATIONS);
  }

  /**
   * The wallets under {@code root}, new coldkeys encrypted with {@code iterations} of PBKDF2. Fewer
   * than the default are for tests, which would otherwise spend half a second per coldkey; reading
   * a coldkey uses the count its file names.
   */
  public Wallets(Path root, int iterations) {
    if (iterations < ColdkeyFile.MIN_ITERATIONS || iterations > ColdkeyFile.MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "iterations must be in [" + ColdkeyFile.MIN_ITERATIONS + ", " + ColdkeyFile.MAX_ITERATIONS + "], got " + iterations);
    }
    this.root = root;
    this.iterations = iterations;
  }

  /** The directory holding the wallets. */
  public Path root() {
    return root;
  }

  /**
   * Creates wallet {@code name} with a new random coldkey encrypted under {@code password}.
   *
   * @throws KeyExistsException when the wallet already has a coldkey or a coldkeypub.txt
   * @throws IllegalArgumentException when the name is not a valid name or the password is empty
   */
  public Wallet create(String name, char[] password) throws WalletException {
    return create(name, SigningKey.generate(), password, ExistingKey.REFUSE);
  }

  /**
   * Creates wallet {@code name} around an existing {@code coldkey} (as btcli's regen_coldkey does),
   * encrypted under {@code password}. The coldkey is written first and its public half after, so a
   * wallet never shows a public key whose secret was not saved. Hotkeys already in the wallet stay.
   *
   * @throws KeyExistsException when the wallet already has a coldkey or a coldkeypub.txt and
   *     {@code existing} is {@link ExistingKey#REFUSE}
   * @throws IllegalArgumentException when the name is not a valid name or the password is empty
   */
  public Wallet create(String name, SigningKey coldkey, char[] password, ExistingKey existing) throws WalletException {
    Names.require("wallet", name);
    if (password.length == 0) {
      throw new IllegalArgumentException("a coldkey needs a password");
    }
    Path directory = root.resolve(name);
    Path coldkeyFile = directory.resolve(COLDKEY);
    Path pubFile = directory.resolve(COLDKEY_PUB);
    if (existing == ExistingKey.REFUSE) { // before half a second of PBKDF2; the write checks again
      for (Path file : List.of(coldkeyFile, pubFile)) {
        if (Files.exists(file)) {
          throw KeyFiles.exists(file);
        }
      }
    }
    byte[] encrypted = ColdkeyFile.write(coldkey, password, iterations);
    try {
      KeyFiles.createPrivateDirectories(directory);
      KeyFiles.write(coldkeyFile, encrypted, existing);
      KeyFiles.write(pubFile, Wallet.pubFileText(coldkey.hotkey()), existing);
    } catch (IOException e) {
      throw new WalletException("cannot write wallet '" + name + "' in " + root + ": " + e.getMessage(), e);
    }
    return new Wallet(name, directory);
  }

  /**
   * Wallet {@code name}.
   *
   * @throws WalletException when there is no such wallet (no coldkey and no coldkeypub.txt)
   */
  public Wallet open(String name) throws WalletException {
    Names.require("wallet", name);
    Path directory = root.resolve(name);
    if (!isWallet(directory)) {
      throw new WalletException("no wallet '" + name + "' in " + root);
    }
    return new Wallet(name, directory);
  }

  /** The names of the wallets, sorted; none when the root does not exist yet. */
  public List<String> names() throws WalletException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (Names.isValid(name) && isWallet(entry)) {
          names.add(name);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new WalletException("cannot list the wallets in " + root + ": " + e.getMessage(), e);
    }
    Collections.sort(names);
    return names;
  }

  private static boolean isWallet(Path directory) {
    return Files.isRegularFile(directory.resolve(COLDKEY)) || Files.isRegularFile(directory.resolve(COLDKEY_PUB));
  }
}
