package io.taofabric.deploy.subnet;

import io.taofabric.core.tx.Transaction;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.NetuidOption;
import io.taofabric.deploy.cli.PasswordOptions;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fabric subnet register}. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Registers the wallet's hotkey in a subnet; signed with the coldkey.",
      "The coldkey pays the subnet's registration price, its 'burn' hyperparameter, which is burned."
    })
final class SubnetRegister extends ClientCommand {
  @Mixin WalletOptions wallet;
  @Mixin PasswordOptions password;
  @Mixin GatewayOptions gateway;

  @Mixin NetuidOption subnet;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    int netuid = subnet.netuid();
    String hotkey = wallet.hotkey().hotkey();
    Transaction.Register register = new Transaction.Register(netuid, hotkey);
    printSubmitted(
        out,
        "registration of " + hotkey + " in subnet " + netuid,
        gateway.client().submit(wallet.coldkey(password.source()), register),
        object().put("netuid", netuid).put("hotkey", hotkey));
  }
}
