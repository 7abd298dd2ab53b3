package io.taofabric.deploy.cli;

import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.core.wallet.Wallets;
import io.taofabric.deploy.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the network commands as {@code fabric} does, but with coldkeys sealed by a few PBKDF2
 * iterations instead of 600,000, and makes the wallets and password files they use.
 */
public final class TestCli {
  /** PBKDF2 iterations of the wallets tests make; opening reads the count from the file. */
  public static final int FAST_ITERATIONS = 10;

  /** The password of every wallet {@link #wallet} makes. */
  public static final String PASSWORD = "correct horse battery staple";

  private static final CommandLine.IFactory FAST_WALLETS =
      new CommandLine.IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
          return type == WalletsRoot.class
              ? type.cast(new WalletsRoot(FAST_ITERATIONS))
              : CommandLine.defaultFactory().create(type);
        }
      };

  private TestCli() {}

  /** Runs {@code fabric args}. */
  public static CliRun run(String... args) {
    return CliRun.with(FAST_WALLETS, args);
  }

  /** Runs {@code fabric args}, then the test's {@code options} (its wallets, gateway, password). */
  public static CliRun run(List<String> options, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(options);
    return run(all.toArray(String[]::new));
  }

  /** Creates wallet {@code name} in {@code root} under {@link #PASSWORD}, with hotkey "default". */
  public static Wallet wallet(Path root, String name) throws WalletException {
    Wallet wallet = new Wallets(root, FAST_ITERATIONS).create(name, PASSWORD.toCharArray());
    wallet.createHotkey("default");
    return wallet;
  }

  /** A file in {@code dir} whose first line is {@code password}. */
  public static Path passwordFile(Path dir, String password) throws IOException {
    Path file = Files.createTempFile(dir, "password-", ".txt");
    Files.writeString(file, password + "\n");
    return file;
  }
}
