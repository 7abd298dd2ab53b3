package io.taofabric.deploy.weights;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayClient;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.NetuidOption;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fabric weights reveal}: sends the weights and salt a commit kept, then forgets them. */
@Command(
    name = "reveal",
    mixinStandardHelpOptions = true,
    description = {
      "Reveals weights the wallet's hotkey committed to in a subnet.",
      "The oldest commit kept in the wallet, or the one --commit names. A reveal the subnet refuses (too early,"
          + " expired) keeps the commit."
    })
final class WeightsReveal extends ClientCommand {
  @Mixin WalletOptions wallet;
  @Mixin GatewayOptions gateway;
  @Mixin NetuidOption subnet;

  @Option(names = "--commit", paramLabel = "HASH", description = "The commit to reveal, by hash; default: the oldest.")
  String commitHash;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    int netuid = subnet.netuid();
    GatewayClient client = gateway.client();
    Wallet opened = wallet.open();
    SigningKey hotkey = opened.hotkey(wallet.hotkeyName());
    CommitStore store = new CommitStore(opened.directory(), wallet.hotkeyName());
    CommitStore.Pending commit = chosen(store, store.pending(netuid), netuid);
    if (!commit.hotkey().equals(hotkey.hotkey())) {
      throw CliFailure.failed(
          "the commit in " + commit.file() + " was made by " + commit.hotkey() + ", not by hotkey '"
              + wallet.hotkeyName() + "' (" + hotkey.hotkey() + ")");
    }
    GatewayClient.Submitted submitted = client.submit(hotkey, commit.reveal());
    store.remove(commit);
    ObjectNode details = object().put("netuid", netuid).put("commit_hash", commit.commitHash());
    commit.reveal().uids().forEach(details.putArray("uids")::add);
    commit.reveal().values().forEach(details.putArray("values")::add);
    printSubmitted(
        out, "weights reveal of commit " + commit.commitHash() + " in subnet " + netuid, submitted, details);
  }

  private CommitStore.Pending chosen(CommitStore store, List<CommitStore.Pending> pending, int netuid) throws CliFailure {
    for (CommitStore.Pending commit : pending) {
      if (commitHash == null || commit.commitHash().equals(commitHash)) {
        return commit;
      }
    }
    String which = commitHash == null ? "no commit" : "no commit " + commitHash;
    throw CliFailure.failed(
        which + " of hotkey '" + wallet.hotkeyName() + "' in subnet " + netuid + " is kept in " + store.directory()
            + "; `fabric weights commit` makes one");
  }
}
