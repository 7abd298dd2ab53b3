package io.taofabric.deploy.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.Wallets;
import io.taofabric.deploy.CliRun;
import io.taofabric.deploy.cli.CliWorld;
import io.taofabric.deploy.cli.PasswordSource;
import io.taofabric.deploy.cli.TestCli;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WalletCommandTest {
  private static final String ACCOUNT =
      "{\"coldkey\":\"%s\",\"free\":12500000000,\"stakes\":[{\"netuid\":1,\"hotkey\":\"%s\",\"amount\":3000000000}]}";

  @RegisterExtension final CliWorld cli = CliWorld.withoutWallets();

  private static void assertOneLineError(CliRun run, int exitCode, String expected) {
    assertEquals(exitCode, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals(expected + "\n", run.err());
  }

  @Nested
  class Create {
    @Test
    void shouldWriteAnEncryptedColdkeyAndAHotkeyThatOpenWithThePassword() throws Exception {
      CliRun run = TestCli.run("wallet", "create", "--wallet-path", cli.root().toString(), "--wallet", "alice", "--hotkey", "miner", "--password-file", cli.password().toString());

      assertEquals(0, run.exitCode(), run.err());
      Wallet alice = new Wallets(cli.root()).open("alice");
      SigningKey coldkey = alice.coldkey(TestCli.PASSWORD.toCharArray());
      assertTrue(run.out().contains(coldkey.hotkey()), run.out());
      assertTrue(run.out().contains(alice.hotkey("miner").hotkey()), run.out());
      assertTrue(Files.readString(alice.directory().resolve("coldkey")).startsWith("taofabric-coldkey 1"));
      assertTrue(Files.readString(alice.directory().resolve("coldkey")).contains("\niterations=" + TestCli.FAST_ITERATIONS + "\n"));
    }

    @Test
    void shouldPrintTheKeysAsJson() throws Exception {
      JsonNode json = TestCli.run("wallet", "create", "--wallet-path", cli.root().toString(), "--password-file", cli.password().toString(), "--json").json();

      Wallet wallet = new Wallets(cli.root()).open("default");
      assertEquals("default", json.get("wallet").textValue());
      assertEquals(wallet.coldkeyPublic(), json.get("coldkey").textValue());
      assertEquals(wallet.hotkey("default").hotkey(), json.get("hotkeys").get(0).get("hotkey").textValue());
    }

    @Test
    void shouldRefuseAnExistingWalletBeforeAskingForAPassword() throws Exception {
      cli.wallet();

      CliRun run = TestCli.run("wallet", "create", "--wallet-path", cli.root().toString());

      assertOneLineError(run, 1, "fabric wallet create: wallet 'default' already exists; `fabric wallet new-hotkey` adds a hotkey to it");
    }

    @Test
    void shouldRefuseAWalletNameThatIsAPath() {
      CliRun run = TestCli.run("wallet", "create", "--wallet-path", cli.root().toString(), "--wallet", "../x", "--password-file", cli.password().toString());

      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("fabric wallet create: a wallet name is 1 to 64 of"), run.err());
      assertTrue(Files.notExists(cli.dir().resolve("x")));
    }

    @Test
    void shouldSayTheColdkeyWasCreatedWhenTheHotkeyNameIsRefused() throws Exception {
      CliRun run = TestCli.run("wallet", "create", "--wallet-path", cli.root().toString(), "--hotkey", ".hidden", "--password-file", cli.password().toString());

      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.err().endsWith("got '.hidden'; the coldkey was created, `fabric wallet new-hotkey` adds a hotkey\n"), run.err());
      assertEquals(List.of(), new Wallets(cli.root()).open("default").hotkeyNames());
    }

    @Test
    void shouldFailWithoutAnyWayToGetAPassword() {
      assumeTrue(System.getenv(PasswordSource.VARIABLE) == null && System.console() == null, "no password source around the test");

      CliRun run = TestCli.run("wallet", "create", "--wallet-path", cli.root().toString());

      assertOneLineError(
          run,
          1,
          "fabric wallet create: no password: give --password-file FILE, set FABRIC_WALLET_PASSWORD, or run the command in a terminal");
    }
  }

  @Nested
  class NewHotkey {
    @Test
    void shouldAddAHotkeyWithoutThePassword() throws Exception {
      cli.wallet();

      JsonNode json = TestCli.run("wallet", "new-hotkey", "--wallet-path", cli.root().toString(), "--hotkey", "miner2", "--json").json();

      assertEquals(new Wallets(cli.root()).open("default").hotkey("miner2").hotkey(), json.get("hotkey").textValue());
    }

    @Test
    void shouldRefuseAnExistingHotkeyAndAnUnknownWallet() throws Exception {
      cli.wallet();

      CliRun existing = TestCli.run("wallet", "new-hotkey", "--wallet-path", cli.root().toString());
      CliRun unknown = TestCli.run("wallet", "new-hotkey", "--wallet-path", cli.root().toString(), "--wallet", "bob");

      assertEquals(1, existing.exitCode());
      assertTrue(existing.err().startsWith("fabric wallet new-hotkey: ") && existing.err().contains("already exists"), existing.err());
      assertOneLineError(unknown, 1, "fabric wallet new-hotkey: no wallet 'bob' in " + cli.root());
    }
  }

  @Nested
  class ListWallets {
    @Test
    void shouldSayThereAreNoWalletsYet() {
      CliRun run = TestCli.run("wallet", "list", "--wallet-path", cli.root().toString());

      assertEquals(0, run.exitCode(), run.err());
      assertEquals("no wallets in " + cli.root() + "; `fabric wallet create` makes one\n", run.out());
    }

    @Test
    void shouldListEveryWalletsColdkeyAndHotkeys() throws Exception {
      Wallet alice = TestCli.wallet(cli.root(), "alice");
      alice.createHotkey("miner");
      Wallet bob = TestCli.wallet(cli.root(), "bob");

      CliRun run = TestCli.run("wallet", "list", "--wallet-path", cli.root().toString());
      JsonNode json = TestCli.run("wallet", "list", "--wallet-path", cli.root().toString(), "--json").json();

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("\nalice   hotkey miner    " + alice.hotkey("miner").hotkey() + "\n"), run.out());
      assertTrue(run.out().contains("\nbob     coldkey         " + bob.coldkeyPublic() + "\n"), run.out());
      assertEquals(List.of("alice", "bob"), names(json));
      assertEquals(alice.coldkeyPublic(), json.get("wallets").get(0).get("coldkey").textValue());
      assertEquals("miner", json.get("wallets").get(0).get("hotkeys").get(1).get("name").textValue());
    }

    @Test
    void shouldListADamagedKeyWithTheReasonAndGoOn() throws Exception {
      Wallet alice = TestCli.wallet(cli.root(), "alice");
      Files.writeString(alice.directory().resolve("hotkeys").resolve("default"), "garbage");

      CliRun run = TestCli.run("wallet", "list", "--wallet-path", cli.root().toString());
      JsonNode json = TestCli.run("wallet", "list", "--wallet-path", cli.root().toString(), "--json").json();

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("\nalice   hotkey default  unreadable: "), run.out());
      JsonNode hotkey = json.get("wallets").get(0).get("hotkeys").get(0);
      assertTrue(hotkey.get("hotkey").isNull());
      assertTrue(hotkey.get("error").textValue().contains("hotkeys"), hotkey.toString());
    }

    private List<String> names(JsonNode json) {
      return List.of(json.get("wallets").get(0).get("name").textValue(), json.get("wallets").get(1).get("name").textValue());
    }
  }

  @Nested
  class Balance {
    @Test
    void shouldShowFreeStakedAndTotalFromTheGatewayWithoutThePassword() throws Exception {
      Wallet alice = TestCli.wallet(cli.root(), "alice");
      cli.gateway().answer("GET", "/v1/accounts/" + alice.coldkeyPublic(), 200, ACCOUNT.formatted(alice.coldkeyPublic(), alice.hotkey("default").hotkey()));

      CliRun run = cli.fabric("wallet", "balance", "--wallet", "alice");
      JsonNode json = cli.fabric("wallet", "balance", "--wallet", "alice", "--json").json();

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("free    12.500000000 TAO"), run.out());
      assertTrue(run.out().contains("staked  3.000000000 TAO"), run.out());
      assertTrue(run.out().contains("total   15.500000000 TAO"), run.out());
      assertEquals(12_500_000_000L, json.get("free").longValue());
      assertEquals(3_000_000_000L, json.get("staked").longValue());
      assertEquals(15_500_000_000L, json.get("total").longValue());
    }

    @Test
    void shouldReportAnUnreachableGatewayInOneLine() throws Exception {
      cli.wallet();
      String url = cli.gateway().url();
      cli.gateway().close();

      CliRun run = TestCli.run("wallet", "balance", "--wallet-path", cli.root().toString(), "--gateway", url);

      assertOneLineError(run, 1, "fabric wallet balance: cannot reach the gateway at " + url + " (is a node serving it? --gateway names another)");
    }

    @Test
    void shouldReportAMalformedAnswerInOneLine() throws Exception {
      Wallet wallet = cli.wallet();
      cli.gateway().answer("GET", "/v1/accounts/" + wallet.coldkeyPublic(), 200, "{\"coldkey\":\"x\"}");

      CliRun run = cli.fabric("wallet", "balance");

      assertOneLineError(run, 1, "fabric wallet balance: the gateway's answer has no 'free' as a whole number (a gateway of another version?)");
    }
  }

  @Nested
  class Transfer {
    private final String to = SigningKey.generate().hotkey();

    @Test
    void shouldPostATransferSignedByTheColdkey() throws Exception {
      Wallet alice = TestCli.wallet(cli.root(), "alice");

      CliRun run = cli.signed("wallet", "transfer", "--wallet", "alice", "--to", to, "--amount", "1.25");

      assertEquals(0, run.exitCode(), run.err());
      SignedTransaction sent = cli.gateway().only().transaction();
      assertTrue(sent.verify());
      assertEquals(alice.coldkeyPublic(), sent.signer());
      assertEquals(new Transaction.Transfer(to, 1_250_000_000L), sent.transaction());
      assertEquals("transfer of 1.250000000 TAO to " + to + ": applied (transaction " + sent.id() + ")\n", run.out());
    }

    @Test
    void shouldPrintTheTransactionAsJson() throws Exception {
      cli.wallet();

      JsonNode json = cli.signed("wallet", "transfer", "--to", to, "--amount", "2", "--json").json();

      SignedTransaction sent = cli.gateway().only().transaction();
      assertEquals(sent.id(), json.get("id").textValue());
      assertEquals(sent.signer(), json.get("signer").textValue());
      assertEquals(sent.nonce(), json.get("nonce").longValue());
      assertEquals("applied", json.get("answer").get("status").textValue());
      assertEquals(2_000_000_000L, json.get("amount").longValue());
    }

    @Test
    void shouldRefuseAWrongPasswordAndSendNothing() throws Exception {
      cli.wallet();

      CliRun run =
          TestCli.run(
              "wallet", "transfer", "--wallet-path", cli.root().toString(), "--password-file", TestCli.passwordFile(cli.dir(), "wrong").toString(),
              "--gateway", cli.gateway().url(), "--to", to, "--amount", "1");

      assertOneLineError(run, 1, "fabric wallet transfer: wrong password for the coldkey in " + cli.root().resolve("default").resolve("coldkey"));
      assertEquals(List.of(), cli.gateway().requests());
    }

    @Test
    void shouldReportTheGatewaysRefusal() throws Exception {
      cli.wallet();
      cli.gateway().refuseTransactions(400, "insufficient_balance", "free balance 0 rao is below 1000000000 rao");

      CliRun run = cli.signed("wallet", "transfer", "--to", to, "--amount", "1");

      assertOneLineError(
          run, 1, "fabric wallet transfer: the gateway answered HTTP 400: insufficient_balance: free balance 0 rao is below 1000000000 rao");
    }

    @Test
    void shouldRefuseATransferToItself() throws Exception {
      Wallet wallet = cli.wallet();

      CliRun run = cli.signed("wallet", "transfer", "--to", wallet.coldkeyPublic(), "--amount", "1");

      assertOneLineError(run, 2, "fabric wallet transfer: a transfer to its own signer moves nothing");
      assertEquals(List.of(), cli.gateway().requests());
    }
  }
}
