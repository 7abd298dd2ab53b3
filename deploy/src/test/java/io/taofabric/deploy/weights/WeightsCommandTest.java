package io.taofabric.deploy.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction.CommitWeights;
import io.taofabric.core.tx.Transaction.RevealWeights;
import io.taofabric.deploy.CliRun;
import io.taofabric.deploy.cli.CliWorld;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WeightsCommandTest {
  @RegisterExtension final CliWorld cli = CliWorld.withDefaultWallet();

  @BeforeEach
  void setUp() throws Exception {
    cli.wallet().createHotkey("validator");
  }

  /** {@code fabric args} with the validator hotkey, the test's wallets and gateway; never a password. */
  private CliRun fabric(String... args) {
    return cli.fabric(Stream.concat(Arrays.stream(args), Stream.of("--hotkey", "validator")).toArray(String[]::new));
  }

  private CommitStore store() {
    return new CommitStore(cli.wallet().directory(), "validator");
  }

  @Nested
  class Commit {
    @Test
    void shouldSignTheHashOfTheScaledWeightsWithTheHotkeyAndKeepWhatRevealsIt() throws Exception {
      CliRun run = fabric("weights", "commit", "--netuid", "3", "--uids", "1,2", "--weights", "0.25,0.75");

      assertEquals(0, run.exitCode(), run.err());
      SignedTransaction sent = cli.gateway().only().transaction();
      String hotkey = cli.wallet().hotkey("validator").hotkey();
      assertTrue(sent.verify());
      assertEquals(hotkey, sent.signer());
      List<CommitStore.Pending> kept = store().pending(3);
      assertEquals(1, kept.size());
      RevealWeights reveal = kept.get(0).reveal();
      assertEquals(List.of(1, 2), reveal.uids());
      assertEquals(List.of(21845, 65535), reveal.values());
      assertEquals(16, reveal.salt().length);
      assertEquals(new CommitWeights(3, reveal.commitHash(hotkey)), sent.transaction());
      assertTrue(run.out().contains("kept for `fabric weights reveal --netuid 3` in " + kept.get(0).file()), run.out());
    }

    @Test
    void shouldKeepTheCommitOwnerOnly() throws Exception {
      fabric("weights", "commit", "--netuid", "3", "--uids", "1", "--weights", "1");

      Path file = store().pending(3).get(0).file();
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
      }
    }

    @Test
    void shouldForgetACommitTheGatewayRefused() throws Exception {
      cli.gateway().refuseTransactions(409, "weights_rate_limit", "weights were set at block 700; the next may come at block 800");

      CliRun run = fabric("weights", "commit", "--netuid", "3", "--uids", "1", "--weights", "1");

      assertEquals(1, run.exitCode());
      assertEquals(
          "fabric weights commit: the gateway answered HTTP 409: weights_rate_limit: weights were set at block 700; the next may come at block 800\n",
          run.err());
      assertEquals(List.of(), store().pending(3));
    }

    @Test
    void shouldKeepACommitWhoseFateIsUnknown() throws Exception {
      cli.gateway().answer(
          "POST", "/v1/transactions", 503, "{\"error\":{\"reason\":\"no_answer\",\"message\":\"the network did not answer in time\"}}");

      CliRun run = fabric("weights", "commit", "--netuid", "3", "--uids", "1", "--weights", "1");

      assertEquals(1, run.exitCode());
      assertEquals(1, store().pending(3).size());
    }

    @Test
    void shouldPrintJson() throws Exception {
      JsonNode json = fabric("weights", "commit", "--netuid", "3", "--uids", "5", "--weights", "2", "--json").json();

      assertEquals(cli.gateway().only().transaction().id(), json.get("id").textValue());
      assertEquals(65535, json.get("values").get(0).intValue());
      assertEquals(store().pending(3).get(0).commitHash(), json.get("commit_hash").textValue());
    }
  }

  @Nested
  class Reveal {
    @Test
    void shouldSendTheKeptWeightsAndSaltSignedByTheHotkeyAndForgetThem() throws Exception {
      fabric("weights", "commit", "--netuid", "3", "--uids", "1,2", "--weights", "1,1");
      CommitStore.Pending kept = store().pending(3).get(0);

      CliRun run = fabric("weights", "reveal", "--netuid", "3");

      assertEquals(0, run.exitCode(), run.err());
      SignedTransaction sent = cli.gateway().requests().get(1).transaction();
      assertTrue(sent.verify());
      assertEquals(cli.wallet().hotkey("validator").hotkey(), sent.signer());
      assertEquals(kept.reveal(), sent.transaction());
      assertEquals(kept.commitHash(), ((RevealWeights) sent.transaction()).commitHash(sent.signer()));
      assertEquals(List.of(), store().pending(3));
    }

    @Test
    void shouldRevealTheOldestFirstOrTheOneNamed() throws Exception {
      fabric("weights", "commit", "--netuid", "3", "--uids", "1", "--weights", "1");
      fabric("weights", "commit", "--netuid", "3", "--uids", "2", "--weights", "1");
      List<CommitStore.Pending> kept = store().pending(3);

      fabric("weights", "reveal", "--netuid", "3", "--commit", kept.get(1).commitHash());
      fabric("weights", "reveal", "--netuid", "3");

      assertEquals(kept.get(1).reveal(), cli.gateway().requests().get(2).transaction().transaction());
      assertEquals(kept.get(0).reveal(), cli.gateway().requests().get(3).transaction().transaction());
    }

    @Test
    void shouldKeepTheCommitWhenTheRevealIsRefused() throws Exception {
      fabric("weights", "commit", "--netuid", "3", "--uids", "1", "--weights", "1");
      cli.gateway().refuseTransactions(409, "refused", "too early: reveal from block 900");

      CliRun run = fabric("weights", "reveal", "--netuid", "3");

      assertEquals(1, run.exitCode());
      assertEquals("fabric weights reveal: the gateway answered HTTP 409: refused: too early: reveal from block 900\n", run.err());
      assertEquals(1, store().pending(3).size());
    }

    @Test
    void shouldSayWhenNothingIsKept() {
      CliRun run = fabric("weights", "reveal", "--netuid", "4");

      assertEquals(1, run.exitCode());
      assertEquals(
          "fabric weights reveal: no commit of hotkey 'validator' in subnet 4 is kept in " + store().directory()
              + "; `fabric weights commit` makes one\n",
          run.err());
      assertEquals(List.of(), cli.gateway().requests());
    }
  }
}
