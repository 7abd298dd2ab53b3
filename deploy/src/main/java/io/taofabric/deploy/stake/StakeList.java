package io.taofabric.deploy.stake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.Account;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.Tao;
import io.taofabric.deploy.cli.TextTable;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fabric stake list}: the stakes of the wallet's coldkey, naming the wallet's own hotkeys. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists the stakes of the wallet's coldkey, per subnet and hotkey. Needs no password.")
final class StakeList extends ClientCommand {
  @Mixin WalletOptions wallet;
  @Mixin GatewayOptions gateway;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    Wallet opened = wallet.open();
    String coldkey = opened.coldkeyPublic();
    Account account = Account.read(gateway.client(), coldkey);
    Map<String, String> names = hotkeyNames(opened);
    ObjectNode report = object().put("wallet", wallet.walletName()).put("coldkey", coldkey);
    ArrayNode stakes = report.putArray("stakes");
    TextTable table = new TextTable("NETUID", "STAKE(τ)", "NAME", "HOTKEY");
    for (Account.Stake stake : account.stakes()) {
      String name = names.get(stake.hotkey());
      ObjectNode entry = stakes.addObject().put("netuid", stake.netuid()).put("hotkey", stake.hotkey()).put("amount", stake.rao());
      entry.put("name", name);
      table.row(stake.netuid(), Tao.format(stake.rao()), name == null ? "" : name, stake.hotkey());
    }
    report.put("total", account.staked());
    if (json()) {
      printJson(out, report);
      return;
    }
    out.println("wallet '" + wallet.walletName() + "', coldkey " + coldkey);
    if (account.stakes().isEmpty()) {
      out.println("no stake; `fabric stake add` stakes free TAO");
      return;
    }
    table.print(out);
    out.println("total " + Tao.format(account.staked()) + " TAO staked");
  }

  /** The wallet's hotkeys by address; a hotkey it cannot read is simply not named. */
  private static Map<String, String> hotkeyNames(Wallet wallet) throws WalletException {
    Map<String, String> names = new HashMap<>();
    for (String name : wallet.hotkeyNames()) {
      try {
        names.put(wallet.hotkey(name).hotkey(), name);
      } catch (WalletException e) {
        continue;
      }
    }
    return names;
  }
}
