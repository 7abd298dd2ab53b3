package io.taofabric.deploy.wallet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.core.wallet.Wallets;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.TextTable;
import io.taofabric.deploy.cli.WalletsRoot;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code fabric wallet list}: every wallet with its coldkey and hotkeys. A key that cannot be read
 * is listed with the reason instead of stopping the listing: the other wallets are still worth
 * seeing.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the wallets, their coldkeys and their hotkeys.")
final class WalletList extends ClientCommand {
  @Mixin WalletsRoot root;

  @Override
  protected void run(PrintWriter out) throws WalletException {
    Wallets wallets = root.wallets();
    ObjectNode report = object().put("wallet_path", wallets.root().toString());
    ArrayNode entries = report.putArray("wallets");
    TextTable table = new TextTable("WALLET", "KEY", "ADDRESS");
    for (String name : wallets.names()) {
      Wallet wallet = wallets.open(name);
      ObjectNode entry = entries.addObject().put("name", name);
      table.row(name, "coldkey", address(wallet::coldkeyPublic, entry, "coldkey"));
      ArrayNode hotkeys = entry.putArray("hotkeys");
      for (String hotkeyName : wallet.hotkeyNames()) {
        ObjectNode hotkey = hotkeys.addObject().put("name", hotkeyName);
        table.row(name, "hotkey " + hotkeyName, address(() -> wallet.hotkey(hotkeyName).hotkey(), hotkey, "hotkey"));
      }
    }
    if (json()) {
      printJson(out, report);
    } else if (entries.isEmpty()) {
      out.println("no wallets in " + wallets.root() + "; `fabric wallet create` makes one");
    } else {
      out.println("wallets in " + wallets.root());
      table.print(out);
    }
  }

  /** Reads a key's address. */
  private interface KeyRead {
    String address() throws WalletException;
  }

  /**
   * The address {@code key} reads, also put in {@code entry} as {@code field}; when it cannot be
   * read, why, with the field null and the reason as {@code error}.
   */
  private static String address(KeyRead key, ObjectNode entry, String field) {
    try {
      String address = key.address();
      entry.put(field, address);
      return address;
    } catch (WalletException e) {
      entry.putNull(field).put("error", e.getMessage());
      return "unreadable: " + e.getMessage();
    }
  }
}
