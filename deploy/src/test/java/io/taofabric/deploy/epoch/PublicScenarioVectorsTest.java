package io.taofabric.deploy.epoch;

import io.taofabric.deploy.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public scenario vector through {@code fabric epoch --scenario}, and every asserted epoch's
 * derived input through {@code fabric epoch --in}: the command line a user runs, end to end.
 */
class PublicScenarioVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> shouldReplayEveryPublicScenario() throws IOException {
    JsonNode scenarios = vectors().get("scenarios");
    assertTrue(scenarios.size() >= 14, "the public file holds 14 scenarios");
    return StreamSupport.stream(scenarios.spliterator(), false)
        .map(s -> DynamicTest.dynamicTest(s.get("name").asText(), () -> replay(s)));
  }

  @TestFactory
  Stream<DynamicTest> shouldReproduceEveryAssertedEpochFromItsDerivedInput() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode scenario : vectors().get("scenarios")) {
      JsonNode steps = scenario.path("steps");
      for (int k = 0; k < steps.size(); k++) {
        JsonNode step = steps.get(k);
        if (step.has("derived_input") && step.has("expect")) {
          String name = scenario.get("name").asText() + " step " + k;
          tests.add(DynamicTest.dynamicTest(name, () -> runDerived(scenario.get("params"), step)));
        }
      }
    }
    assertTrue(tests.size() >= 37, "the public scenarios carry 37 derived inputs");
    return tests.stream();
  }

  private static void replay(JsonNode scenario) {
    JsonNode out = CliRun.epoch("--scenario", scenario).json();
    List<String> errors = new ArrayList<>();
    if (scenario.has("generator")) {
      checkGenerated(scenario.get("generator"), out, errors);
    } else {
      JsonNode steps = scenario.get("steps");
      assertEquals(steps.size(), out.size(), "one output object per step");
      for (int k = 0; k < steps.size(); k++) {
        JsonNode step = steps.get(k);
        assertEquals(step.get("op").asText(), out.get(k).get("op").asText(), "step " + k);
        if (step.has("expect_uid") && step.get("expect_uid").asInt() != out.get(k).get("uid").asInt()) {
          errors.add("step " + k + ": uid " + out.get(k).get("uid") + " expected " + step.get("expect_uid"));
        }
        for (String kind : List.of("expect", "expect_informational")) {
          if (step.has(kind)) {
            for (String e : Expectations.check(step.get(kind), out.get(k))) {
              errors.add("step " + k + " " + kind + ": " + e);
            }
          }
        }
      }
    }
    assertTrue(errors.isEmpty(), String.join("\n", errors));
  }

  /** The graph generator's expectations, per role, on the last epoch. */
  private static void checkGenerated(JsonNode generator, JsonNode out, List<String> errors) {
    int n = generator.get("network_n").asInt();
    int v = generator.get("validators_n").asInt();
    boolean interleaved = generator.get("interleave").asInt() != 0;
    JsonNode last = out.get(out.size() - 1);
    assertEquals("epoch", last.get("op").asText());
    var bonds = Expectations.bondCells(last.get("bonds"));
    int firstServer = -1;
    int firstValidator = -1;
    for (int i = 0; i < n; i++) {
      boolean validator = interleaved ? i % (n / v) == 0 : i < v;
      if (validator && firstValidator < 0) {
        firstValidator = i;
      }
      if (!validator && firstServer < 0) {
        firstServer = i;
      }
    }
    int serversChecked = 0;
    for (int i = 0; i < n; i++) {
      boolean validator = interleaved ? i % (n / v) == 0 : i < v;
      JsonNode role = generator.get("expect_per_role").get(validator ? "validator" : "server");
      for (String key : List.of("consensus", "incentive", "dividends")) {
        expectEqual(key + "[" + i + "]", role.get(key + "_u16").asLong(), last.get(key).get(i).asLong(), errors);
      }
      expectEqual("emission[" + i + "]", role.get("emission").asLong(), last.get("emission").get(i).asLong(), errors);
      if (validator || serversChecked++ < 8) {
        long onServer = bonds.getOrDefault(Expectations.cellKey(i, firstServer), 0);
        expectEqual("bond[" + i + "][server0]", role.get("bond_on_server0").asLong(), onServer, errors);
      }
      if (validator) {
        long onValidator = bonds.getOrDefault(Expectations.cellKey(i, firstValidator), 0);
        expectEqual("bond[" + i + "][validator0]", role.get("bond_on_validator0").asLong(), onValidator, errors);
      }
    }
  }

  private static void expectEqual(String what, long expected, long got, List<String> errors) {
    if (expected != got) {
      errors.add(what + ": got " + got + " expected " + expected);
    }
  }

  private static void runDerived(JsonNode scenarioParams, JsonNode step) {
    JsonNode di = step.get("derived_input");
    ObjectNode params = scenarioParams.deepCopy();
    params.put("tempo", di.get("tempo").asLong());
    ObjectNode c = JSON.createObjectNode();
    c.set("params", params);
    for (String key :
        List.of("block", "rao", "stake", "weights", "bonds", "last_update", "block_at_registration", "validator_permit")) {
      c.set(key, di.get(key));
    }
    ArrayNode cases = JSON.createArrayNode().add(c);
    JsonNode out = CliRun.epoch("--in", cases).json();
    List<String> errors = Expectations.check(step.get("expect"), out.get(0));
    assertTrue(errors.isEmpty(), String.join("\n", errors));
  }

  static JsonNode vectors() throws IOException {
    try (InputStream in = PublicScenarioVectorsTest.class.getResourceAsStream("/vectors/yuma_public.json")) {
      return JSON.readTree(in);
    }
  }
}
