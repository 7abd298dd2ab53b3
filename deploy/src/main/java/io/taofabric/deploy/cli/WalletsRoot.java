package io.taofabric.deploy.cli;

import io.taofabric.core.wallet.Wallets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --wallet-path}: the directory of wallets a command works in. */
public final class WalletsRoot {
  /** Where btcli keeps its wallets, under our own directory. */
  public static final Path DEFAULT = Path.of(System.getProperty("user.home"), ".taofabric", "wallets");

  @Option(
      names = "--wallet-path",
      paramLabel = "DIR",
      description = "The directory of wallets (default: ~/.taofabric/wallets).")
  Path path;

  private final int iterations;

  /** The option, new coldkeys sealed with {@link Wallets#DEFAULT_ITERATIONS} of PBKDF2. */
  public WalletsRoot() {
    this(Wallets.DEFAULT_ITERATIONS);
  }

  /** For tests, which cannot spend half a second on every coldkey they create; no option reaches it. */
  WalletsRoot(int iterations) {
    this.iterations = iterations;
  }

  /** The wallets in the chosen directory. */
  public Wallets wallets() {
    return new Wallets(path == null ? DEFAULT : path, iterations);
  }
}
