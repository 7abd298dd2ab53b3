package io.taofabric.core.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taofabric.core.crypto.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletsTest {
  private static final char[] PASSWORD = "correct horse".toCharArray();

  @TempDir Path root;

  private Wallets wallets() {
    return new Wallets(root, 1_000);
  }

  @Test
  void shouldCreateAWalletWhoseColdkeyOpensWithItsPassword() throws WalletException {
    Wallet created = wallets().create("alice", PASSWORD);

    Wallet opened = wallets().open("alice");
    SigningKey coldkey = opened.coldkey(PASSWORD);

    assertEquals(coldkey.hotkey(), opened.coldkeyPublic());
    assertEquals(created.coldkeyPublic(), opened.coldkeyPublic());
    assertEquals(root.resolve("alice"), opened.directory());
  }

  @Test
  void shouldWriteColdkeypubAsTheHotkeyTextFormat() throws WalletException, IOException {
    SigningKey coldkey = SigningKey.generate();
    wallets().create("alice", coldkey, PASSWORD, ExistingKey.REFUSE);

    assertEquals(coldkey.hotkey() + "\n", Files.readString(root.resolve("alice").resolve("coldkeypub.txt")));
  }

  @Test
  void shouldRefuseAWrongPassword() throws WalletException {
    Wallet wallet = wallets().create("alice", PASSWORD);

    assertThrows(WrongPasswordException.class, () -> wallet.coldkey("correct horse ".toCharArray()));
  }

  @Test
  void shouldRefuseToOverwriteAColdkeyUnlessAsked() throws WalletException {
    Wallet first = wallets().create("alice", PASSWORD);
    String firstColdkey = first.coldkeyPublic();

    assertThrows(KeyExistsException.class, () -> wallets().create("alice", PASSWORD));
    assertEquals(firstColdkey, first.coldkeyPublic());

    SigningKey replacement = SigningKey.generate();
    wallets().create("alice", replacement, "another".toCharArray(), ExistingKey.OVERWRITE);
    assertEquals(replacement.hotkey(), first.coldkeyPublic());
    assertArrayEquals(replacement.seed(), first.coldkey("another".toCharArray()).seed());
  }

  @Test
  void shouldRefuseAnEmptyPasswordAndNamesThatAreNotOnePathSegment() {
    assertThrows(IllegalArgumentException.class, () -> wallets().create("alice", new char[0]));
    for (String name : new String[] {"", ".", "..", ".hidden", "a/b", "a\\b", "x".repeat(65), "é"}) {
      assertThrows(IllegalArgumentException.class, () -> wallets().create(name, PASSWORD), name);
      assertThrows(IllegalArgumentException.class, () -> wallets().open(name), name);
    }
  }

  @Test
  void shouldAddListAndLoadHotkeys() throws WalletException {
    Wallet wallet = wallets().create("alice", PASSWORD);
    assertEquals(List.of(), wallet.hotkeyNames());

    SigningKey miner = wallet.createHotkey("miner-1");
    SigningKey validator = SigningKey.generate();
    wallet.addHotkey("default", validator, ExistingKey.REFUSE);

    assertEquals(List.of("default", "miner-1"), wallet.hotkeyNames());
    assertArrayEquals(miner.seed(), wallet.hotkey("miner-1").seed());
    assertEquals(validator.hotkey(), wallet.hotkey("default").hotkey());
  }

  @Test
  void shouldRefuseToOverwriteAHotkeyUnlessAsked() throws WalletException {
    Wallet wallet = wallets().create("alice", PASSWORD);
    SigningKey first = wallet.createHotkey("default");

    assertThrows(KeyExistsException.class, () -> wallet.createHotkey("default"));
    assertEquals(first.hotkey(), wallet.hotkey("default").hotkey());

    SigningKey second = SigningKey.generate();
    wallet.addHotkey("default", second, ExistingKey.OVERWRITE);
    assertEquals(second.hotkey(), wallet.hotkey("default").hotkey());
  }

  @Test
  void shouldListWalletsSortedIncludingOnesWithOnlyTheirPublicColdkey() throws WalletException, IOException {
    assertEquals(List.of(), wallets().names(), "no root yet");
    wallets().create("bob", PASSWORD);
    wallets().create("alice", PASSWORD);
    Path minerMachine = Files.createDirectories(root.resolve("miner"));
    Files.writeString(minerMachine.resolve("coldkeypub.txt"), SigningKey.generate().hotkey() + "\n");
    Files.createDirectories(root.resolve("not-a-wallet"));

    assertEquals(List.of("alice", "bob", "miner"), wallets().names());
    assertThrows(WalletException.class, () -> wallets().open("not-a-wallet"));
  }

  @Test
  void shouldShowAWatchOnlyWalletsColdkeyButNotOpenIt() throws WalletException, IOException {
    String coldkey = SigningKey.generate().hotkey();
    Files.createDirectories(root.resolve("miner"));
    Files.writeString(root.resolve("miner").resolve("coldkeypub.txt"), coldkey + "\n");
    Wallet wallet = wallets().open("miner");

    assertEquals(coldkey, wallet.coldkeyPublic());
    WalletException e = assertThrows(WalletException.class, () -> wallet.coldkey(PASSWORD));
    assertTrue(e.getMessage().contains("has no coldkey"), e.getMessage());
  }

  @Test
  void shouldRefuseAColdkeypubThatNamesAnotherKeyThanTheColdkey() throws WalletException, IOException {
    Wallet wallet = wallets().create("alice", PASSWORD);
    Files.writeString(wallet.directory().resolve("coldkeypub.txt"), SigningKey.generate().hotkey() + "\n");

    assertThrows(KeyFileException.class, wallet::coldkeyPublic);
  }

  @Test
  void shouldNameAMissingHotkey() throws WalletException {
    Wallet wallet = wallets().create("alice", PASSWORD);

    WalletException e = assertThrows(WalletException.class, () -> wallet.hotkey("nope"));
    assertEquals("wallet 'alice' has no hotkey 'nope'", e.getMessage());
  }

  @Test
  void shouldKeepKeysOwnerOnlyAndLeaveNoTemporaryFiles() throws WalletException, IOException {
    assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Wallet wallet = wallets().create("alice", PASSWORD);
    wallet.createHotkey("default");

    Path dir = root.resolve("alice");
    for (Path directory : List.of(dir, dir.resolve("hotkeys"))) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)), directory.toString());
    }
    for (Path file : List.of(dir.resolve("coldkey"), dir.resolve("coldkeypub.txt"), dir.resolve("hotkeys").resolve("default"))) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }
    try (Stream<Path> all = Files.walk(root)) {
      assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }
}
