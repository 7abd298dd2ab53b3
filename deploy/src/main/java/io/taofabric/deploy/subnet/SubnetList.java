package io.taofabric.deploy.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayJson;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.Tao;
import io.taofabric.deploy.cli.TextTable;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fabric subnet list}: one row per subnet of {@code GET /v1/subnets}, as btcli's subnet list. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the subnets.")
final class SubnetList extends ClientCommand {
  @Mixin GatewayOptions gateway;

  @Override
  protected void run(PrintWriter out) throws CliFailure {
    JsonNode answer = gateway.client().get("/v1/subnets");
    if (json()) {
      printJson(out, answer);
      return;
    }
    if (!answer.isArray()) {
      throw CliFailure.failed("the gateway's list of subnets is not an array (a gateway of another version?)");
    }
    if (answer.isEmpty()) {
      out.println("no subnets yet; `fabric subnet create` creates one");
      return;
    }
    TextTable table = new TextTable("NETUID", "NEURONS", "TEMPO", "EPOCHS", "BURN(τ)", "EMISSION", "OWNER");
    for (JsonNode subnet : answer) {
      table.row(
          GatewayJson.number(subnet, "netuid"),
          GatewayJson.number(subnet, "neurons"),
          GatewayJson.number(subnet, "tempo"),
          GatewayJson.number(subnet, "epochs"),
          Tao.format(GatewayJson.number(subnet, "burn")),
          String.format(Locale.ROOT, "%.2f%%", 100 * GatewayJson.decimal(subnet, "emission_share")),
          GatewayJson.text(subnet, "owner_coldkey"));
    }
    table.print(out);
  }
}
