package io.taofabric.deploy.miner;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.GatewayClient;
import io.taofabric.deploy.cli.GatewayJson;
import java.util.HashMap;
import java.util.Map;

/**
 * What a miner reads of its subnet's metagraph: the validators it admits (the permit holders, at
 * their stake, as {@code Metagraph.permittedStakes} gives them), and its own row.
 *
 * @param self this miner's row, or null when its hotkey is not registered
 */
record SubnetView(long block, long epochs, Map<String, Long> permittedStakes, Neuron self) {
  /** The fields of each neuron the miner asks the gateway for. */
  static final String FIELDS = "uid,hotkey,stake,validator_permit,incentive,emission,endpoint";

  /** The miner's own row: incentive in [0, 1], stake and last epoch's emission in rao. */
  record Neuron(int uid, long stake, double incentive, long emission, String endpoint) {}

  SubnetView {
    permittedStakes = Map.copyOf(permittedStakes);
  }

  /** Subnet {@code netuid}'s metagraph, seen by the miner {@code hotkey}. */
  static SubnetView read(GatewayClient gateway, int netuid, String hotkey) throws CliFailure {
    JsonNode answer = gateway.get("/v1/subnets/" + netuid + "/metagraph?fields=" + FIELDS);
    Map<String, Long> permitted = new HashMap<>();
    Neuron self = null;
    for (JsonNode neuron : GatewayJson.array(answer, "neurons")) {
      String key = GatewayJson.text(neuron, "hotkey");
      if (GatewayJson.flag(neuron, "validator_permit")) {
        permitted.put(key, GatewayJson.number(neuron, "stake"));
      }
      if (key.equals(hotkey)) {
        self =
            new Neuron(
                (int) GatewayJson.number(neuron, "uid"),
                GatewayJson.number(neuron, "stake"),
                GatewayJson.decimal(neuron, "incentive"),
                GatewayJson.number(neuron, "emission"),
                GatewayJson.optionalText(neuron, "endpoint"));
      }
    }
    return new SubnetView(GatewayJson.number(answer, "block"), GatewayJson.number(answer, "epochs"), permitted, self);
  }
}
