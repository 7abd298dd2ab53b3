package io.taofabric.deploy.weights;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.Transaction.CommitWeights;
import io.taofabric.core.tx.Transaction.RevealWeights;
import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayClient;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.NetuidOption;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fabric weights commit}. The weights and salt are kept before the commit is sent: if the
 * answer is lost the commit may still be on the network, and only the kept salt can reveal it. A
 * commit the gateway refused is forgotten again.
 */
@Command(
    name = "commit",
    mixinStandardHelpOptions = true,
    description = {
      "Commits the wallet's hotkey to weights on UIDs of a subnet.",
      "The weights are scaled so the largest is 65535, as the subnet stores them; a UID whose weight rounds to 0"
          + " is left out. They stay in the wallet with a random salt until `fabric weights reveal` sends them."
    })
final class WeightsCommit extends ClientCommand {
  /** Bittensor's salts are 16 bytes too. */
  private static final int SALT_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Mixin WalletOptions wallet;
  @Mixin GatewayOptions gateway;
  @Mixin NetuidOption subnet;

  @Option(names = "--uids", required = true, split = ",", paramLabel = "UID", description = "The UIDs to weight, e.g. 1,2.")
  List<Integer> uids;

  @Option(
      names = "--weights",
      required = true,
      split = ",",
      paramLabel = "WEIGHT",
      description = "Their weights, pairwise, e.g. 0.5,0.5; only their ratios matter.")
  List<String> weights;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    int netuid = subnet.netuid();
    WeightsInput input = WeightsInput.of(uids, weights);
    GatewayClient client = gateway.client();
    Wallet opened = wallet.open();
    SigningKey hotkey = opened.hotkey(wallet.hotkeyName());
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    RevealWeights reveal = new RevealWeights(netuid, input.uids(), input.values(), salt);
    String hash = reveal.commitHash(hotkey.hotkey());
    CommitStore store = new CommitStore(opened.directory(), wallet.hotkeyName());
    CommitStore.Pending kept = store.save(hotkey.hotkey(), hash, reveal, Instant.now());
    GatewayClient.Submitted submitted;
    try {
      submitted = client.submit(hotkey, new CommitWeights(netuid, hash));
    } catch (CliFailure e) {
      if (e.nothingApplied()) {
        store.remove(kept);
      }
      throw e;
    }
    ObjectNode details = object().put("netuid", netuid).put("commit_hash", hash).put("kept_in", kept.file().toString());
    input.uids().forEach(details.putArray("uids")::add);
    input.values().forEach(details.putArray("values")::add);
    printSubmitted(out, "weights commit on " + input.uids().size() + " UIDs in subnet " + netuid, submitted, details);
    if (!json()) {
      out.println("  values: " + input.values() + " on UIDs " + input.uids());
      out.println("  kept for `fabric weights reveal --netuid " + netuid + "` in " + kept.file());
    }
  }
}
