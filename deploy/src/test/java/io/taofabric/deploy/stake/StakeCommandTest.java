package io.taofabric.deploy.stake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import io.taofabric.deploy.CliRun;
import io.taofabric.deploy.cli.CliWorld;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StakeCommandTest {
  @RegisterExtension final CliWorld cli = CliWorld.withDefaultWallet();

  @Nested
  class Add {
    @Test
    void shouldStakeOnTheWalletsHotkeySignedByTheColdkey() throws Exception {
      CliRun run = cli.signed("stake", "add", "--netuid", "3", "--amount", "0.5");

      assertEquals(0, run.exitCode(), run.err());
      SignedTransaction sent = cli.gateway().only().transaction();
      assertTrue(sent.verify());
      assertEquals(cli.wallet().coldkeyPublic(), sent.signer());
      assertEquals(new Transaction.AddStake(3, cli.wallet().hotkey("default").hotkey(), 500_000_000L), sent.transaction());
      assertTrue(run.out().startsWith("stake of 0.500000000 TAO on " + cli.wallet().hotkey("default").hotkey() + " in subnet 3: applied"), run.out());
    }

    @Test
    void shouldStakeOnAHotkeyGivenByAddress() throws Exception {
      String validator = SigningKey.generate().hotkey();

      JsonNode json = cli.signed("stake", "add", "--netuid", "1", "--hotkey-address", validator, "--amount", "10", "--json").json();

      assertEquals(new Transaction.AddStake(1, validator, 10_000_000_000L), cli.gateway().only().transaction().transaction());
      assertEquals(validator, json.get("hotkey").textValue());
      assertEquals(cli.gateway().only().transaction().id(), json.get("id").textValue());
    }

    @Test
    void shouldRefuseBothWaysOfNamingTheHotkey() {
      CliRun run = cli.signed("stake", "add", "--netuid", "1", "--hotkey", "default", "--hotkey-address", SigningKey.generate().hotkey(), "--amount", "1");

      assertEquals(2, run.exitCode(), run.err());
      assertEquals("fabric stake add: give --hotkey-address or --hotkey, not both\n", run.err());
      assertEquals(List.of(), cli.gateway().requests());
    }

    @Test
    void shouldReportAnUnknownHotkeyOfTheWallet() {
      CliRun run = cli.signed("stake", "add", "--netuid", "1", "--hotkey", "validator", "--amount", "1");

      assertEquals(1, run.exitCode(), run.err());
      assertEquals("fabric stake add: wallet 'default' has no hotkey 'validator'\n", run.err());
    }

    @Test
    void shouldReportTheSubnetsRefusal() {
      cli.gateway().refuseTransactions(409, "insufficient_balance", "insufficient free balance: 0 rao, 1000000000 asked");

      CliRun run = cli.signed("stake", "add", "--netuid", "1", "--amount", "1");

      assertEquals(1, run.exitCode());
      assertEquals(
          "fabric stake add: the gateway answered HTTP 409: insufficient_balance: insufficient free balance: 0 rao, 1000000000 asked\n",
          run.err());
    }
  }

  @Test
  void shouldRemoveStakeSignedByTheColdkey() throws Exception {
    CliRun run = cli.signed("stake", "remove", "--netuid", "2", "--amount", "0.000000001");

    assertEquals(0, run.exitCode(), run.err());
    SignedTransaction sent = cli.gateway().only().transaction();
    assertEquals(cli.wallet().coldkeyPublic(), sent.signer());
    assertEquals(new Transaction.RemoveStake(2, cli.wallet().hotkey("default").hotkey(), 1), sent.transaction());
  }

  @Nested
  class ListStakes {
    @Test
    void shouldNameTheWalletsOwnHotkeys() throws Exception {
      String hotkey = cli.wallet().hotkey("default").hotkey();
      String other = SigningKey.generate().hotkey();
      cli.gateway().answer(
          "GET",
          "/v1/accounts/" + cli.wallet().coldkeyPublic(),
          200,
          "{\"coldkey\":\"" + cli.wallet().coldkeyPublic() + "\",\"free\":1,\"stakes\":[{\"netuid\":1,\"hotkey\":\"" + hotkey
              + "\",\"amount\":2000000000},{\"netuid\":2,\"hotkey\":\"" + other + "\",\"amount\":500000000}]}");

      CliRun run = cli.fabric("stake", "list");
      JsonNode json = cli.fabric("stake", "list", "--json").json();

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("\n1       2.000000000  default  " + hotkey + "\n"), run.out());
      assertTrue(run.out().contains("\n2       0.500000000           " + other + "\n"), run.out());
      assertTrue(run.out().endsWith("total 2.500000000 TAO staked\n"), run.out());
      assertEquals("default", json.get("stakes").get(0).get("name").textValue());
      assertTrue(json.get("stakes").get(1).get("name").isNull());
      assertEquals(2_500_000_000L, json.get("total").longValue());
    }

    @Test
    void shouldSayThereIsNoStake() throws Exception {
      cli.gateway().answer("GET", "/v1/accounts/" + cli.wallet().coldkeyPublic(), 200, "{\"coldkey\":\"" + cli.wallet().coldkeyPublic() + "\",\"free\":0,\"stakes\":[]}");

      CliRun run = cli.fabric("stake", "list");

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().endsWith("no stake; `fabric stake add` stakes free TAO\n"), run.out());
    }
  }
}
