package io.taofabric.deploy.epoch;

import static io.taofabric.deploy.epoch.StrictJson.bool;
import static io.taofabric.deploy.epoch.StrictJson.integer;
import static io.taofabric.deploy.epoch.StrictJson.onlyKeys;
import static io.taofabric.deploy.epoch.StrictJson.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expands the vectors' compact scenario generators into steps. The one kind, {@code graph_512},
 * is the reference's large graph test: validators weight every server equally, optionally
 * servers weight themselves, and epochs run at block 1.
 */
final class GeneratedScenario {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int U16_MAX = 65_535;

  private GeneratedScenario() {}

  static ArrayNode expand(JsonNode generator) {
    String path = "scenario.generator";
    onlyKeys(
        generator,
        Set.of("kind", "network_n", "validators_n", "interleave", "server_self", "stake_per_validator", "epochs"),
        Set.of("expect_per_role"),
        path);
    if (!"graph_512".equals(required(generator, "kind", path).asText())) {
      throw new InputError(path + ".kind: unknown generator " + generator.get("kind"));
    }
    int n = (int) integer(required(generator, "network_n", path), path + ".network_n", 1, U16_MAX);
    int v = (int) integer(required(generator, "validators_n", path), path + ".validators_n", 1, n);
    long interleave = integer(required(generator, "interleave", path), path + ".interleave", 0, 1);
    boolean serverSelf = bool(required(generator, "server_self", path), path + ".server_self");
    long stake = integer(required(generator, "stake_per_validator", path), path + ".stake_per_validator", 0, Long.MAX_VALUE);
    long epochs = integer(required(generator, "epochs", path), path + ".epochs", 0, 10_000);

    boolean[] validator = new boolean[n];
    for (int i = 0; i < n; i++) {
      validator[i] = interleave == 0 ? i < v : i % (n / v) == 0;
    }
    List<Integer> servers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!validator[i]) {
        servers.add(i);
      }
    }
    ArrayNode steps = JSON.arrayNode();
    for (int k = 0; k < n; k++) {
      steps.add(step("register").put("hotkey", k).put("block", 0));
      if (validator[k] && stake != 0) {
        steps.add(step("add_stake").put("uid", k).put("amount", stake));
      }
    }
    steps.add(step("epoch").put("block", 1).put("rao", 1_000_000_000L));
    for (int i = 0; i < n; i++) {
      if (validator[i]) {
        ObjectNode set = step("set_weights").put("uid", i).put("block", 1);
        ArrayNode dests = set.putArray("dests");
        ArrayNode values = set.putArray("values");
        for (int s : servers) {
          dests.add(s);
          values.add(U16_MAX / n);
        }
        steps.add(set);
      }
    }
    if (serverSelf) {
      for (int s : servers) {
        ObjectNode set = step("set_weights").put("uid", s).put("block", 1);
        set.putArray("dests").add(s);
        set.putArray("values").add(U16_MAX);
        steps.add(set);
      }
    }
    for (long e = 0; e < epochs; e++) {
      steps.add(step("epoch").put("block", 1).put("rao", 1_000_000_000L));
    }
    return steps;
  }

  private static ObjectNode step(String op) {
    return JSON.objectNode().put("op", op);
  }
}
