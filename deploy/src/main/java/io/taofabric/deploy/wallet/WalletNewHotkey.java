package io.taofabric.deploy.wallet;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fabric wallet new-hotkey}: another hotkey in an existing wallet. */
@Command(
    name = "new-hotkey",
    mixinStandardHelpOptions = true,
    description = {
      "Adds a new hotkey to a wallet, e.g. one per miner.",
      "Needs no password: hotkeys are kept in clear, as btcli keeps them, since a miner signs with its hotkey all"
          + " the time."
    })
final class WalletNewHotkey extends ClientCommand {
  @Mixin WalletOptions wallet;

  @Override
  protected void run(PrintWriter out) throws WalletException {
    SigningKey hotkey = wallet.open().createHotkey(wallet.hotkeyName());
    if (json()) {
      printJson(out, object().put("wallet", wallet.walletName()).put("name", wallet.hotkeyName()).put("hotkey", hotkey.hotkey()));
      return;
    }
    out.println("created hotkey '" + wallet.hotkeyName() + "' in wallet '" + wallet.walletName() + "': " + hotkey.hotkey());
  }
}
