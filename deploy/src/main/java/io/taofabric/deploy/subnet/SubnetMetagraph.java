package io.taofabric.deploy.subnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.fixed.Fixed;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayJson;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.NetuidOption;
import io.taofabric.deploy.cli.Tao;
import io.taofabric.deploy.cli.TextTable;
import io.taofabric.deploy.epoch.MetagraphTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fabric subnet metagraph}: btcli's metagraph table, from the gateway. The whole row goes
 * through {@link MetagraphTable}, the table {@code fabric epoch} and the demo print; {@code
 * --fields} asks the gateway for some fields only and prints just those.
 */
@Command(
    name = "metagraph",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a subnet's metagraph, as btcli's metagraph table.",
      "Per UID its stake, the last epoch's consensus, incentive, dividends, validator trust and emission, its"
          + " validator permit, hotkey and endpoint."
    })
final class SubnetMetagraph extends ClientCommand {
  /** The fields of a neuron the gateway serves, in its order. */
  static final List<String> FIELDS =
      List.of(
          "uid", "hotkey", "coldkey", "stake", "validator_permit", "consensus", "incentive", "dividends", "validator_trust",
          "emission", "registered_at", "last_update", "endpoint");

  @Mixin NetuidOption subnet;
  @Mixin GatewayOptions gateway;

  @Option(
      names = "--fields",
      split = ",",
      paramLabel = "FIELD",
      description = "Only these fields (a comma list), the UID always first: ${COMPLETION-CANDIDATES}.",
      completionCandidates = Fields.class)
  List<String> fields;

  @Override
  protected void run(PrintWriter out) throws CliFailure {
    int netuid = subnet.netuid();
    Set<String> chosen = chosenFields();
    String query = chosen == null ? "" : "?fields=" + String.join(",", chosen);
    JsonNode answer = gateway.client().get("/v1/subnets/" + netuid + "/metagraph" + query);
    if (json()) {
      printJson(out, answer);
      return;
    }
    String title =
        String.format(
            Locale.ROOT,
            "subnet %d at block %d, after %d epochs; registering burns %s TAO",
            netuid,
            GatewayJson.number(answer, "block"),
            GatewayJson.number(answer, "epochs"),
            Tao.format(GatewayJson.number(answer, "burn")));
    JsonNode neurons = GatewayJson.array(answer, "neurons");
    if (chosen == null) {
      List<MetagraphTable.Row> rows = new ArrayList<>();
      for (JsonNode neuron : neurons) {
        rows.add(row(neuron));
      }
      MetagraphTable.print(out, title, List.of("HOTKEY", "ENDPOINT"), rows);
      return;
    }
    TextTable table = new TextTable(chosen.stream().map(SubnetMetagraph::header).toArray(String[]::new));
    for (JsonNode neuron : neurons) {
      List<String> cells = new ArrayList<>();
      for (String field : chosen) {
        cells.add(cell(neuron, field));
      }
      table.row(cells.toArray());
    }
    out.println(title);
    table.print(out);
  }

  /** The fields asked for, {@code uid} first, or null for all of them. */
  private Set<String> chosenFields() throws CliFailure {
    if (fields == null) {
      return null;
    }
    Set<String> chosen = new LinkedHashSet<>();
    chosen.add("uid");
    for (String field : fields) {
      if (!FIELDS.contains(field)) {
        throw CliFailure.badInput("unknown field '" + field + "'; known: " + String.join(", ", FIELDS));
      }
      chosen.add(field);
    }
    return chosen;
  }

  private static MetagraphTable.Row row(JsonNode neuron) throws CliFailure {
    String endpoint = GatewayJson.optionalText(neuron, "endpoint");
    return new MetagraphTable.Row(
        (int) GatewayJson.number(neuron, "uid"),
        GatewayJson.number(neuron, "stake"),
        u16(neuron, "consensus"),
        u16(neuron, "incentive"),
        u16(neuron, "dividends"),
        u16(neuron, "validator_trust"),
        GatewayJson.number(neuron, "emission"),
        GatewayJson.flag(neuron, "validator_permit"),
        List.of(GatewayJson.text(neuron, "hotkey"), endpoint == null ? "" : endpoint));
  }

  /** A proportion in [0, 1] as the u16 it was served from ({@code v / 65535}). */
  private static int u16(JsonNode neuron, String field) throws CliFailure {
    double proportion = GatewayJson.decimal(neuron, field);
    if (!(proportion >= 0 && proportion <= 1)) {
      throw CliFailure.failed("the gateway's '" + field + "' must be in [0, 1], got " + proportion);
    }
    return (int) Math.round(proportion * Fixed.U16_MAX);
  }

  private static String header(String field) {
    return switch (field) {
      case "stake" -> "STAKE(τ)";
      case "emission" -> "EMISSION(ρ)";
      case "validator_permit" -> "VPERMIT";
      case "validator_trust" -> "VTRUST";
      default -> field.toUpperCase(Locale.ROOT);
    };
  }

  private static String cell(JsonNode neuron, String field) throws CliFailure {
    return switch (field) {
      case "uid", "emission", "registered_at", "last_update" -> Long.toString(GatewayJson.number(neuron, field));
      case "stake" -> Tao.format(GatewayJson.number(neuron, field));
      case "consensus", "incentive", "dividends", "validator_trust" ->
          String.format(Locale.ROOT, "%.5f", GatewayJson.decimal(neuron, field));
      case "validator_permit" -> GatewayJson.flag(neuron, field) ? "*" : "";
      case "endpoint" -> {
        String endpoint = GatewayJson.optionalText(neuron, field);
        yield endpoint == null ? "" : endpoint;
      }
      default -> GatewayJson.text(neuron, field);
    };
  }

  /** The fields, for the help. */
  static final class Fields implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return FIELDS.iterator();
    }
  }
}
