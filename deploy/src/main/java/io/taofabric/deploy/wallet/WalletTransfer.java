package io.taofabric.deploy.wallet;

import io.taofabric.core.tx.Transaction;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.AmountOption;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.PasswordOptions;
import io.taofabric.deploy.cli.PublicKeyConverter;
import io.taofabric.deploy.cli.Tao;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fabric wallet transfer}: free TAO from the wallet's coldkey to another coldkey. */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    description = "Moves free TAO from the wallet's coldkey to another coldkey; signed with the coldkey.")
final class WalletTransfer extends ClientCommand {
  @Mixin WalletOptions wallet;
  @Mixin PasswordOptions password;
  @Mixin GatewayOptions gateway;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "COLDKEY",
      converter = PublicKeyConverter.class,
      description = "The coldkey address to pay.")
  String to;

  @Mixin AmountOption amount;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    Transaction.Transfer transfer = new Transaction.Transfer(to, amount.rao());
    printSubmitted(
        out,
        "transfer of " + Tao.format(amount.rao()) + " TAO to " + to,
        gateway.client().submit(wallet.coldkey(password.source()), transfer),
        object().put("to", to).put("amount", amount.rao()));
  }
}
