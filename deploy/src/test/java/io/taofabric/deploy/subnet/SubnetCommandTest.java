package io.taofabric.deploy.subnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import io.taofabric.deploy.CliRun;
import io.taofabric.deploy.cli.CliWorld;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubnetCommandTest {
  @RegisterExtension final CliWorld cli = CliWorld.withDefaultWallet();

  @Nested
  class ListSubnets {
    private static final String SUBNETS =
        "[{\"netuid\":1,\"owner_coldkey\":\"" + "c".repeat(64) + "\",\"owner_hotkey\":\"" + "d".repeat(64)
            + "\",\"tempo\":100,\"neurons\":3,\"block\":812,\"epochs\":9,\"burn\":1000000000,\"emission_share\":0.0625,"
            + "\"lock_cost\":1000000000000,\"created_at_block\":2}]";

    @Test
    void shouldPrintOneRowPerSubnet() {
      cli.gateway().answer("GET", "/v1/subnets", 200, SUBNETS);

      CliRun run = cli.keyless("subnet", "list");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(
          "NETUID  NEURONS  TEMPO  EPOCHS  BURN(τ)      EMISSION  OWNER\n1       3        100    9       1.000000000  6.25%     " + "c".repeat(64) + "\n",
          run.out());
      assertEquals(1, cli.keyless("subnet", "list", "--json").json().size());
    }

    @Test
    void shouldSayThereAreNoSubnets() {
      cli.gateway().answer("GET", "/v1/subnets", 200, "[]");

      assertEquals("no subnets yet; `fabric subnet create` creates one\n", cli.keyless("subnet", "list").out());
    }

    @Test
    void shouldRefuseAnAnswerOfAnotherShape() {
      cli.gateway().answer("GET", "/v1/subnets", 200, "{\"subnets\":[]}");

      CliRun run = cli.keyless("subnet", "list");

      assertEquals(1, run.exitCode());
      assertEquals("fabric subnet list: the gateway's list of subnets is not an array (a gateway of another version?)\n", run.err());
    }
  }

  @Nested
  class Hyperparameters {
    @Test
    void shouldListThemByName() {
      cli.gateway().answer("GET", "/v1/subnets/2/hyperparameters", 200, "{\"activity_cutoff\":5000,\"commit_reveal_weights_enabled\":true,\"tempo\":360}");

      CliRun run = cli.keyless("subnet", "hyperparameters", "--netuid", "2");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(
          "subnet 2\nHYPERPARAMETER                 VALUE\nactivity_cutoff                5000\ncommit_reveal_weights_enabled  true\ntempo                          360\n",
          run.out());
    }

    @Test
    void shouldSetOneSignedByTheOwnersColdkey() throws Exception {
      CliRun run = cli.signed("subnet", "hyperparameters", "--netuid", "2", "--set", "tempo=360");

      assertEquals(0, run.exitCode(), run.err());
      SignedTransaction sent = cli.gateway().only().transaction();
      assertTrue(sent.verify());
      assertEquals(cli.wallet().coldkeyPublic(), sent.signer());
      assertEquals(new Transaction.SetHyperparameter(2, "tempo", "360"), sent.transaction());
    }

    @Test
    void shouldRefuseAnUnknownNameBeforeAskingForThePassword() {
      CliRun run = cli.keyless("subnet", "hyperparameters", "--netuid", "2", "--set", "speed=9");

      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("fabric subnet hyperparameters: unknown hyperparameter 'speed'; known: [activity_cutoff"), run.err());
      assertEquals(List.of(), cli.gateway().requests());
    }

    @Test
    void shouldReportThatOnlyTheOwnerMay() {
      cli.gateway().refuseTransactions(403, "not_owner", "only the owner coldkey of subnet 2 may set hyperparameters");

      CliRun run = cli.signed("subnet", "hyperparameters", "--netuid", "2", "--set", "kappa=100");

      assertEquals(1, run.exitCode());
      assertEquals(
          "fabric subnet hyperparameters: the gateway answered HTTP 403: not_owner: only the owner coldkey of subnet 2 may set hyperparameters\n",
          run.err());
    }
  }

  @Test
  void shouldCreateASubnetOwnedByTheColdkeyWithTheHotkeyAsUidZero() throws Exception {
    cli.gateway().answer("POST", "/v1/transactions", 200, "{\"id\":\"x\",\"status\":\"applied\",\"type\":\"create_subnet\",\"netuid\":4}");

    CliRun run = cli.signed("subnet", "create");

    assertEquals(0, run.exitCode(), run.err());
    SignedTransaction sent = cli.gateway().only().transaction();
    assertEquals(cli.wallet().coldkeyPublic(), sent.signer());
    assertEquals(new Transaction.CreateSubnet(cli.wallet().hotkey("default").hotkey()), sent.transaction());
    assertTrue(run.out().contains("\n  netuid: 4\n"), run.out());
  }

  @Test
  void shouldRegisterTheWalletsHotkeyPayingWithTheColdkey() throws Exception {
    cli.gateway().answer("POST", "/v1/transactions", 200, "{\"id\":\"x\",\"status\":\"applied\",\"type\":\"register\",\"netuid\":1,\"uid\":3}");
    cli.wallet().createHotkey("miner");

    JsonNode json = cli.signed("subnet", "register", "--netuid", "1", "--hotkey", "miner", "--json").json();

    SignedTransaction sent = cli.gateway().only().transaction();
    assertTrue(sent.verify());
    assertEquals(cli.wallet().coldkeyPublic(), sent.signer());
    assertEquals(new Transaction.Register(1, cli.wallet().hotkey("miner").hotkey()), sent.transaction());
    assertEquals(3, json.get("answer").get("uid").intValue());
  }
}
