package io.taofabric.deploy.subnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.deploy.CliRun;
import io.taofabric.deploy.cli.CliWorld;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code fabric subnet metagraph} against a gateway that answers a three-UID subnet. */
class SubnetMetagraphTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = SigningKey.generate().hotkey();
  private static final String MINER = SigningKey.generate().hotkey();
  private static final String VALIDATOR = SigningKey.generate().hotkey();

  @RegisterExtension final CliWorld cli = CliWorld.withoutWallets();

  /** A neuron as the gateway lists it; proportions are u16 / 65535. */
  private static ObjectNode neuron(int uid, String hotkey, long stake, int consensus, int incentive, int dividends, long emission, boolean permit) {
    return JSON.createObjectNode()
        .put("uid", uid)
        .put("hotkey", hotkey)
        .put("coldkey", OWNER)
        .put("stake", stake)
        .put("validator_permit", permit)
        .put("consensus", consensus / 65535.0)
        .put("incentive", incentive / 65535.0)
        .put("dividends", dividends / 65535.0)
        .put("validator_trust", permit ? 1.0 : 0.0)
        .put("emission", emission)
        .put("registered_at", 5)
        .put("last_update", 800)
        .put("endpoint", uid == 1 ? "10.0.0.7:7400" : null);
  }

  private static String metagraph() {
    ObjectNode m = JSON.createObjectNode().put("netuid", 1).put("block", 812).put("epochs", 9).put("tempo", 100).put("burn", 1_000_000_000L);
    m.put("owner_coldkey", OWNER);
    ArrayNode neurons = m.putArray("neurons");
    neurons.add(neuron(0, OWNER, 0, 0, 0, 0, 18_000_000, true));
    neurons.add(neuron(1, MINER, 0, 65535, 65535, 0, 41_000_000, false));
    neurons.add(neuron(2, VALIDATOR, 1_234_500_000_000L, 0, 0, 65535, 41_000_000, true));
    return m.toString();
  }

  @Test
  void shouldPrintBtcliStyleRowsThroughTheSharedTable() {
    cli.gateway().answer("GET", "/v1/subnets/1/metagraph", 200, metagraph());

    CliRun run = cli.keyless("subnet", "metagraph", "--netuid", "1");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("subnet 1 at block 812, after 9 epochs; registering burns 1.000000000 TAO", lines.get(0));
    assertTrue(lines.get(1).matches(" *UID +STAKE\\(τ\\) +CONSENSUS +INCENTIVE +DIVIDENDS +VTRUST +EMISSION\\(ρ\\) +VPERMIT +HOTKEY +ENDPOINT"), lines.get(1));
    assertTrue(lines.get(3).matches(" +1 +0\\.0000 +1\\.00000 +1\\.00000 +0\\.00000 +0\\.00000 +41000000 +" + MINER + " +10\\.0\\.0\\.7:7400"), lines.get(3));
    assertTrue(lines.get(4).matches(" +2 +1234\\.5000 +0\\.00000 +0\\.00000 +1\\.00000 +1\\.00000 +41000000 +\\* +" + VALIDATOR), lines.get(4));
    assertEquals("3 UIDs, 2 validator permits, stake 1234.5000 τ, emission 100000000 ρ", lines.get(5));
    assertEquals(null, cli.gateway().only().query());
  }

  @Test
  void shouldAskForTheChosenFieldsOnlyAndPrintThem() {
    ObjectNode m = JSON.createObjectNode().put("netuid", 1).put("block", 812).put("epochs", 9).put("burn", 1);
    m.putArray("neurons").add(JSON.createObjectNode().put("uid", 1).put("incentive", 1.0).put("stake", 1_500_000_000L));
    cli.gateway().answer("GET", "/v1/subnets/1/metagraph", 200, m.toString());

    CliRun run = cli.keyless("subnet", "metagraph", "--netuid", "1", "--fields", "incentive,stake");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("fields=uid,incentive,stake", cli.gateway().only().query());
    assertTrue(run.out().endsWith("UID  INCENTIVE  STAKE(τ)\n1    1.00000    1.500000000\n"), run.out());
  }

  @Test
  void shouldPrintTheGatewaysJsonWithJson() throws Exception {
    cli.gateway().answer("GET", "/v1/subnets/1/metagraph", 200, metagraph());

    JsonNode json = cli.keyless("subnet", "metagraph", "--netuid", "1", "--json").json();

    assertEquals(JSON.readTree(metagraph()), json);
  }

  @Test
  void shouldReportAnUnknownSubnet() {
    cli.gateway().answer("GET", "/v1/subnets/9/metagraph", 404, "{\"error\":{\"reason\":\"unknown_subnet\",\"message\":\"subnet 9 does not exist\"}}");

    CliRun run = cli.keyless("subnet", "metagraph", "--netuid", "9");

    assertEquals(1, run.exitCode());
    assertEquals("fabric subnet metagraph: the gateway answered HTTP 404: unknown_subnet: subnet 9 does not exist\n", run.err());
  }
}
