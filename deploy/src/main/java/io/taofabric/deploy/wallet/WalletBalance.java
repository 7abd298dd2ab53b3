package io.taofabric.deploy.wallet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.Account;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.Tao;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fabric wallet balance}: the coldkey's free and staked TAO, from the gateway. */
@Command(
    name = "balance",
    mixinStandardHelpOptions = true,
    description = "Shows the wallet's coldkey balance: free, staked and total TAO. Needs no password.")
final class WalletBalance extends ClientCommand {
  @Mixin WalletOptions wallet;
  @Mixin GatewayOptions gateway;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    String coldkey = wallet.open().coldkeyPublic();
    Account account = Account.read(gateway.client(), coldkey);
    if (json()) {
      ObjectNode report = object().put("wallet", wallet.walletName()).put("coldkey", coldkey);
      report.put("free", account.free()).put("staked", account.staked()).put("total", account.free() + account.staked());
      printJson(out, report);
      return;
    }
    out.println("wallet '" + wallet.walletName() + "', coldkey " + coldkey);
    out.println("  free    " + Tao.format(account.free()) + " TAO");
    out.println("  staked  " + Tao.format(account.staked()) + " TAO");
    out.println("  total   " + Tao.format(account.free() + account.staked()) + " TAO");
  }
}
