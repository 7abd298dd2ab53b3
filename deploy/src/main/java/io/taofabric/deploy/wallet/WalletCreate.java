package io.taofabric.deploy.wallet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.wallet.KeyExistsException;
import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.PasswordOptions;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fabric wallet create}: a new coldkey and its first hotkey. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a wallet: a new coldkey, encrypted with a password, and a new hotkey.",
      "There is no mnemonic: keep a copy of the wallet's coldkey file and its password, nothing else restores it."
    })
final class WalletCreate extends ClientCommand {
  @Mixin WalletOptions wallet;
  @Mixin PasswordOptions password;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    refuseExisting();
    Wallet created;
    char[] secret = password.source().fresh("wallet '" + wallet.walletName() + "'");
    try {
      created = wallet.root().wallets().create(wallet.walletName(), secret);
    } catch (KeyExistsException e) {
      throw exists();
    } finally {
      Arrays.fill(secret, '\0');
    }
    SigningKey hotkey;
    try {
      hotkey = created.createHotkey(wallet.hotkeyName());
    } catch (IllegalArgumentException e) {
      throw CliFailure.badInput(e.getMessage() + "; the coldkey was created, `fabric wallet new-hotkey` adds a hotkey");
    }
    String coldkey = created.coldkeyPublic();
    if (json()) {
      ObjectNode report = object().put("wallet", created.name()).put("directory", created.directory().toString()).put("coldkey", coldkey);
      report.putArray("hotkeys").addObject().put("name", wallet.hotkeyName()).put("hotkey", hotkey.hotkey());
      printJson(out, report);
      return;
    }
    String hotkeyLabel = "hotkey '" + wallet.hotkeyName() + "'";
    String row = "  %-" + Math.max("coldkey".length(), hotkeyLabel.length()) + "s  %s%n";
    out.println("created wallet '" + created.name() + "' in " + created.directory());
    out.printf(Locale.ROOT, row, "coldkey", coldkey);
    out.printf(Locale.ROOT, row, hotkeyLabel, hotkey.hotkey());
    out.println("back up " + created.directory().resolve("coldkey") + " and its password: nothing else restores the coldkey");
  }

  /** Refuses an existing wallet before the password is asked for, not after. */
  private void refuseExisting() throws CliFailure {
    try {
      wallet.open();
    } catch (WalletException e) {
      return;
    }
    throw exists();
  }

  private CliFailure exists() {
    return CliFailure.failed(
        "wallet '" + wallet.walletName() + "' already exists; `fabric wallet new-hotkey` adds a hotkey to it");
  }
}
