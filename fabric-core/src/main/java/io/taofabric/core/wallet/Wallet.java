package io.taofabric.core.wallet;

import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One wallet directory (see {@link Wallets} for the layout): its coldkey, opened with the password,
 * its public coldkey without it, and its hotkeys. Holds no key in memory: every call reads the
 * files, so another process's changes are seen.
 */
public final class Wallet {
  private final String name;
  private final Path directory;

  Wallet(String name, Path directory) {
    this.name = name;
    this.directory = directory;
  }

  /** The wallet's name. */
  public String name() {
    return name;
  }

  /** The wallet's directory. */
  public Path directory() {
    return directory;
  }

  /**
   * The coldkey, in {@link Hotkeys} text: what others transfer to. Read from {@code coldkeypub.txt}
   * and from the coldkey file's public line, whichever are there.
   *
   * @throws KeyFileException when the two name different keys, or either is damaged
   * @throws WalletException when neither is there
   */
  public String coldkeyPublic() throws WalletException {
    Path coldkeyFile = directory.resolve(Wallets.COLDKEY);
    Path pubFile = directory.resolve(Wallets.COLDKEY_PUB);
    String fromColdkey = null;
    String fromPub = null;
    try {
      if (Files.exists(coldkeyFile)) {
        fromColdkey = ColdkeyFile.publicKey(KeyFiles.read(coldkeyFile, ColdkeyFile.MAX_BYTES), coldkeyFile);
      }
      if (Files.exists(pubFile)) {
        fromPub = parsePubFile(KeyFiles.read(pubFile, ColdkeyFile.MAX_BYTES), pubFile);
      }
    } catch (IOException e) {
      throw new WalletException("cannot read the coldkey of wallet '" + name + "': " + e.getMessage(), e);
    }
    if (fromColdkey != null && fromPub != null && !fromColdkey.equals(fromPub)) {
      throw new KeyFileException(pubFile + " names another key than " + coldkeyFile + " holds");
    }
    if (fromColdkey == null && fromPub == null) {
      throw new WalletException("wallet '" + name + "' has no coldkey and no " + Wallets.COLDKEY_PUB);
    }
    return fromColdkey != null ? fromColdkey : fromPub;
  }

  /**
   * The coldkey, opened with {@code password} (which the caller may wipe afterwards).
   *
   * @throws WrongPasswordException when the password does not open it
   * @throws KeyFileException when the file is damaged, truncated or of an unknown version
   * @throws WalletException when the wallet has no coldkey (only its public half)
   */
  public SigningKey coldkey(char[] password) throws WalletException {
    Path file = directory.resolve(Wallets.COLDKEY);
    return ColdkeyFile.read(read(file, ColdkeyFile.MAX_BYTES, "coldkey"), password, file);
  }

  /**
   * Adds a new random hotkey named {@code hotkeyName}.
   *
   * @throws KeyExistsException when the wallet already has a hotkey of that name
   */
  public SigningKey createHotkey(String hotkeyName) throws WalletException {
    SigningKey key = SigningKey.generate();
    addHotkey(hotkeyName, key, ExistingKey.REFUSE);
    return key;
  }

  /**
   * Stores {@code key} as hotkey {@code hotkeyName} (as btcli's regen_hotkey does).
   *
   * @throws KeyExistsException when a hotkey of that name is there and {@code existing} is {@link
   *     ExistingKey#REFUSE}
   */
  public void addHotkey(String hotkeyName, SigningKey key, ExistingKey existing) throws WalletException {
    Names.require("hotkey", hotkeyName);
    Path hotkeys = directory.resolve(Wallets.HOTKEYS);
    try {
      KeyFiles.createPrivateDirectories(hotkeys);
      KeyFiles.write(hotkeys.resolve(hotkeyName), HotkeyFile.write(key), existing);
    } catch (IOException e) {
      throw new WalletException("cannot write hotkey '" + hotkeyName + "' of wallet '" + name + "': " + e.getMessage(), e);
    }
  }

  /**
   * Hotkey {@code hotkeyName}.
   *
   * @throws KeyFileException when its file is damaged or of an unknown version
   * @throws WalletException when there is no such hotkey
   */
  public SigningKey hotkey(String hotkeyName) throws WalletException {
    Names.require("hotkey", hotkeyName);
    Path file = directory.resolve(Wallets.HOTKEYS).resolve(hotkeyName);
    return HotkeyFile.read(read(file, HotkeyFile.MAX_BYTES, "hotkey '" + hotkeyName + "'"), file);
  }

  /** The names of the wallet's hotkeys, sorted. */
  public List<String> hotkeyNames() throws WalletException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory.resolve(Wallets.HOTKEYS))) {
      for (Path entry : entries) {
        String hotkeyName = entry.getFileName().toString();
        if (Names.isValid(hotkeyName) && Files.isRegularFile(entry)) {
          names.add(hotkeyName);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new WalletException("cannot list the hotkeys of wallet '" + name + "': " + e.getMessage(), e);
    }
    Collections.sort(names);
    return names;
  }

  /** The text of {@code coldkeypub.txt}: the coldkey and a line break. */
  static byte[] pubFileText(String coldkey) {
    return (coldkey + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private byte[] read(Path file, int maxBytes, String what) throws WalletException {
    try {
      return KeyFiles.read(file, maxBytes);
    } catch (NoSuchFileException e) {
      throw new WalletException("wallet '" + name + "' has no " + what);
    } catch (IOException e) {
      throw new WalletException("cannot read the " + what + " of wallet '" + name + "': " + e.getMessage(), e);
    }
  }

  private static String parsePubFile(byte[] file, Path where) throws KeyFileException {
    String text = new String(file, StandardCharsets.US_ASCII);
    String key = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    if (!Hotkeys.isCanonical(key)) {
      throw new KeyFileException(where + " must hold a coldkey: 64 lowercase hex characters");
    }
    return key;
  }

  @Override
  public String toString() {
    return "Wallet[" + name + " in " + directory + "]";
  }
}
