package io.taofabric.deploy.cli;

import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test of the network commands runs {@code fabric} against, fresh for every test: a
 * directory of its own with a wallets root and a password file of {@link TestCli#PASSWORD}, and a
 * started {@link FakeGateway}. Register it on an instance field with {@code @RegisterExtension};
 * {@code @Nested} classes share the enclosing test's world.
 */
public final class CliWorld implements BeforeEachCallback, AfterEachCallback {
  private final boolean defaultWallet;
  private Path dir;
  private Path root;
  private Path password;
  private Wallet wallet;
  private FakeGateway gateway;

  private CliWorld(boolean defaultWallet) {
    this.defaultWallet = defaultWallet;
  }

  /** A world whose wallets root is empty until the test makes a wallet. */
  public static CliWorld withoutWallets() {
    return new CliWorld(false);
  }

  /** A world with wallet "default" and its hotkey "default" made before each test. */
  public static CliWorld withDefaultWallet() {
    return new CliWorld(true);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("cli-world-");
    root = dir.resolve("wallets");
    wallet = null;
    if (defaultWallet) {
      wallet();
    }
    password = TestCli.passwordFile(dir, TestCli.PASSWORD);
    gateway = FakeGateway.start();
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    gateway.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** The test's own directory, which holds the wallets root. */
  public Path dir() {
    return dir;
  }

  /** The wallets root, {@code --wallet-path}. */
  public Path root() {
    return root;
  }

  /** A file holding {@link TestCli#PASSWORD}, {@code --password-file}. */
  public Path password() {
    return password;
  }

  /** Wallet "default" with hotkey "default", made the first time it is asked for. */
  public Wallet wallet() {
    if (wallet == null) {
      try {
        wallet = TestCli.wallet(root, "default");
      } catch (WalletException e) {
        throw new IllegalStateException("cannot make wallet 'default' in " + root, e);
      }
    }
    return wallet;
  }

  /** The gateway, {@code --gateway}. */
  public FakeGateway gateway() {
    return gateway;
  }

  /** {@code fabric args} on the test's wallets and gateway, without a password. */
  public CliRun fabric(String... args) {
    return TestCli.run(List.of("--wallet-path", root.toString(), "--gateway", gateway.url()), args);
  }

  /** {@code fabric args} on the test's wallets and gateway, with the coldkey's password. */
  public CliRun signed(String... args) {
    return TestCli.run(List.of("--wallet-path", root.toString(), "--gateway", gateway.url(), "--password-file", password.toString()), args);
  }

  /** {@code fabric args} on the test's gateway alone, for the commands that take no wallet. */
  public CliRun keyless(String... args) {
    return TestCli.run(List.of("--gateway", gateway.url()), args);
  }
}
