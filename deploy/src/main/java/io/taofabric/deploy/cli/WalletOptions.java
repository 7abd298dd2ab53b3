package io.taofabric.deploy.cli;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import java.util.Arrays;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --wallet-path}, {@code --wallet} and {@code --hotkey}: the keys a command uses. */
public final class WalletOptions {
  @Mixin WalletsRoot root;

  @Option(
      names = {"--wallet", "--wallet-name"},
      paramLabel = "NAME",
      defaultValue = "default",
      description = "The wallet (default: ${DEFAULT-VALUE}).")
  String wallet;

  @Option(
      names = {"--hotkey", "--wallet-hotkey"},
      paramLabel = "NAME",
      defaultValue = "default",
      description = "The wallet's hotkey (default: ${DEFAULT-VALUE}).")
  String hotkey;

  /** The wallets directory. */
  public WalletsRoot root() {
    return root;
  }

  /** The wallet's name. */
  public String walletName() {
    return wallet;
  }

  /** The hotkey's name. */
  public String hotkeyName() {
    return hotkey;
  }

  /** The wallet, which must exist. */
  public Wallet open() throws WalletException {
    return root.wallets().open(wallet);
  }

  /** The wallet's hotkey. */
  public SigningKey hotkey() throws WalletException {
    return open().hotkey(hotkey);
  }

  /** The wallet's coldkey, opened with the password from {@code passwords}, which is wiped after. */
  public SigningKey coldkey(PasswordSource passwords) throws WalletException, CliFailure {
    Wallet opened = open();
    char[] password = passwords.existing("wallet '" + wallet + "'");
    try {
      return opened.coldkey(password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
