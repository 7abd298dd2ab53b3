package io.taofabric.deploy.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.tx.Transaction;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayClient;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.NetuidOption;
import io.taofabric.deploy.cli.PasswordOptions;
import io.taofabric.deploy.cli.TextTable;
import io.taofabric.deploy.cli.WalletOptions;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fabric subnet hyperparameters}: read them, or set one as the subnet's owner. */
@Command(
    name = "hyperparameters",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a subnet's hyperparameters, or as its owner sets one.",
      "Only the subnet owner's coldkey may --set, and signs the change. The subnet checks the value against its"
          + " other hyperparameters."
    })
final class SubnetHyperparams extends ClientCommand {
  @Mixin NetuidOption subnet;
  @Mixin GatewayOptions gateway;
  @Mixin WalletOptions wallet;
  @Mixin PasswordOptions password;

  @Option(
      names = "--set",
      paramLabel = "NAME=VALUE",
      description = "Set hyperparameter NAME to VALUE, e.g. tempo=360. Names: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Names.class)
  String set;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    int netuid = subnet.netuid();
    GatewayClient client = gateway.client();
    if (set != null) {
      int equals = set.indexOf('=');
      if (equals < 1) {
        throw CliFailure.badInput("--set takes NAME=VALUE, got '" + set + "'");
      }
      Transaction.SetHyperparameter change =
          new Transaction.SetHyperparameter(netuid, set.substring(0, equals), set.substring(equals + 1));
      printSubmitted(
          out,
          "hyperparameter " + change.name() + " = " + change.value() + " in subnet " + netuid,
          client.submit(wallet.coldkey(password.source()), change),
          object().put("netuid", netuid).put("name", change.name()).put("value", change.value()));
      return;
    }
    JsonNode answer = client.get("/v1/subnets/" + netuid + "/hyperparameters");
    if (json()) {
      printJson(out, answer);
      return;
    }
    TextTable table = new TextTable("HYPERPARAMETER", "VALUE");
    for (Map.Entry<String, JsonNode> field : answer.properties()) {
      table.row(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue());
    }
    out.println("subnet " + netuid);
    table.print(out);
  }

  /** The names {@code --set} takes, for the help. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SubnetHyperparameters.names().iterator();
    }
  }
}
