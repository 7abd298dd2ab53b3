package io.taofabric.deploy.stake;

import io.taofabric.core.tx.Transaction;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.AmountOption;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.NetuidOption;
import io.taofabric.deploy.cli.PasswordOptions;
import io.taofabric.deploy.cli.PublicKeyConverter;
import io.taofabric.deploy.cli.Tao;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fabric stake add} and {@code remove}: the same options, signed with the wallet's coldkey,
 * on a hotkey named by address or as one of the wallet's own.
 */
abstract class StakeChange extends ClientCommand {
  @Mixin WalletOptions wallet;
  @Mixin PasswordOptions password;
  @Mixin GatewayOptions gateway;

  @Mixin NetuidOption subnet;

  @Option(
      names = "--hotkey-address",
      paramLabel = "HOTKEY",
      converter = PublicKeyConverter.class,
      description = "The hotkey to stake on, by address; without it, the wallet's --hotkey.")
  String hotkeyAddress;

  @Mixin AmountOption amount;

  /** The transaction that moves the amount of stake on {@code hotkey} in {@code netuid}. */
  abstract Transaction transaction(int netuid, String hotkey);

  /** What the transaction does, for the report. */
  abstract String what(int netuid, String hotkey);

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    if (hotkeyAddress != null && given("--hotkey")) {
      throw CliFailure.badInput("give --hotkey-address or --hotkey, not both");
    }
    int netuid = subnet.netuid();
    String hotkey = hotkeyAddress != null ? hotkeyAddress : wallet.hotkey().hotkey();
    Transaction transaction = transaction(netuid, hotkey);
    printSubmitted(
        out,
        what(netuid, hotkey),
        gateway.client().submit(wallet.coldkey(password.source()), transaction),
        object().put("netuid", netuid).put("hotkey", hotkey).put("amount", amount.rao()));
  }

  /** {@code fabric stake add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Stakes free TAO of the wallet's coldkey on a hotkey in a subnet; signed with the coldkey.")
  static final class Add extends StakeChange {
    @Override
    Transaction transaction(int netuid, String hotkey) {
      return new Transaction.AddStake(netuid, hotkey, amount.rao());
    }

    @Override
    String what(int netuid, String hotkey) {
      return "stake of " + Tao.format(amount.rao()) + " TAO on " + hotkey + " in subnet " + netuid;
    }
  }

  /** {@code fabric stake remove}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Takes stake of the wallet's coldkey off a hotkey in a subnet, back to free TAO; signed with the coldkey.")
  static final class Remove extends StakeChange {
    @Override
    Transaction transaction(int netuid, String hotkey) {
      return new Transaction.RemoveStake(netuid, hotkey, amount.rao());
    }

    @Override
    String what(int netuid, String hotkey) {
      return "unstake of " + Tao.format(amount.rao()) + " TAO from " + hotkey + " in subnet " + netuid;
    }
  }
}
