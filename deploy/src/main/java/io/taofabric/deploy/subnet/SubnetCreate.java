package io.taofabric.deploy.subnet;

import io.taofabric.core.tx.Transaction;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.PasswordOptions;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fabric subnet create}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Creates a subnet owned by the wallet's coldkey; signed with the coldkey.",
      "The coldkey pays the lock and the wallet's hotkey takes UID 0. The network picks the netuid."
    })
final class SubnetCreate extends ClientCommand {
  @Mixin WalletOptions wallet;
  @Mixin PasswordOptions password;
  @Mixin GatewayOptions gateway;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    String hotkey = wallet.hotkey().hotkey();
    printSubmitted(
        out,
        "subnet creation with owner hotkey " + hotkey,
        gateway.client().submit(wallet.coldkey(password.source()), new Transaction.CreateSubnet(hotkey)),
        object().put("owner_hotkey", hotkey));
  }
}
