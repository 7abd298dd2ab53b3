package io.taofabric.persistence.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.AccountEvent.EmissionCredited;
import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import io.taofabric.core.ledger.AccountEvent.RegistrationBurned;
import io.taofabric.core.ledger.AccountEvent.StakeAdded;
import io.taofabric.core.ledger.AccountEvent.StakeRemoved;
import io.taofabric.core.ledger.AccountEvent.TransferredIn;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.UidEmission;
import io.taofabric.persistence.ledger.InMemoryLedger;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.apache.pekko.stream.javadsl.Source;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read model fed from real journal envelopes (the in-memory journal) against the replay. */
class BalanceReadModelTest {
  private static final ActorTestKit TEST_KIT =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(com.typesafe.config.ConfigFactory.load()));
  private static final PersistenceTestKit JOURNAL = PersistenceTestKit.create(TEST_KIT.system());
  private static final PersistenceTestKitReadJournal QUERIES =
      PersistenceQuery.get(TEST_KIT.system())
          .getReadJournalFor(PersistenceTestKitReadJournal.class, PersistenceTestKitReadJournal.Identifier());
  private static final BiFunction<String, Long, Source<EventEnvelope, NotUsed>> FROM_OFFSET =
      (id, from) -> QUERIES.currentEventsByPersistenceId(id, from, Long.MAX_VALUE);
  private static final long ACCOUNTS = 1_000;
  private static final String CORRUPTIBLE_HOTKEY = "hk-only-in-dave's-value";

  @TempDir Path dir;

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  @BeforeEach
  void freshJournal() {
    JOURNAL.clearAll();
    JOURNAL.persistForRecovery(
        "Account|alice",
        List.of(
            new GenesisCredited("g-alice", 10_000, 1),
            new StakeAdded("s1", "hk-a", 1, 4_000, 2),
            new TransferredOut("t1", "bob", 1_000, 3),
            new RegistrationBurned("r1", "hk-a2", 1, 500, 4),
            new StakeRemoved("s2", "hk-a", 1, 1_500, 5)));
    JOURNAL.persistForRecovery(
        "Account|bob",
        List.of(
            new TransferredIn("t1", "alice", 1_000, 6),
            new EmissionCredited("emission/1/0/3", 1, 0, 3, "hk-b", 700, 360),
            new StakeAdded("s3", "hk-b", 2, 600, 361),
            new StakeRemoved("s4", "hk-b", 1, 700, 362)));
    JOURNAL.persistForRecovery("Settlement|1", List.of(new EpochSettled(1, 0, 360, List.of(new UidEmission(3, "hk-b", "bob", 700)))));
    JOURNAL.persistForRecovery("Subnet|1", List.of(new GenesisCredited("not the ledger", 5, 1)));
  }

  private static List<String> journals() {
    return List.of("Account|alice", "Account|bob", "Settlement|1", "Subnet|1", "Account|dave");
  }

  private static long catchUp(BalanceReadModel model) throws Exception {
    return catchUp(model, FROM_OFFSET);
  }

  private static long catchUp(BalanceReadModel model, BiFunction<String, Long, Source<EventEnvelope, NotUsed>> eventsFrom)
      throws Exception {
    return model.catchUp(Source.from(journals()), eventsFrom, TEST_KIT.system()).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static LedgerSummary replay() throws Exception {
    return InMemoryLedger.replay(TEST_KIT.system(), journals(), Long.MAX_VALUE);
  }

  private static void assertSameAsReplay(BalanceReadModel model) throws Exception {
    LedgerSummary replay = replay();
    assertTrue(replay.invariantsHold(), replay.violations().toString());
    assertEquals(replay.accounts().size(), model.size());
    for (Map.Entry<String, LedgerSummary.AccountBalance> account : replay.accounts().entrySet()) {
      assertEquals(account.getValue(), model.balance(account.getKey()), account.getKey());
    }
  }

  private BalanceReadModel open() throws Exception {
    return BalanceReadModel.open(dir.resolve("balances.cm"), ACCOUNTS);
  }

  @Test
  void shouldProjectTheSameBalancesAsTheReplay() throws Exception {
    try (BalanceReadModel model = open()) {
      assertEquals(9, catchUp(model), "account events only");
      assertSameAsReplay(model);
      assertEquals(new LedgerSummary.AccountBalance(6_000, Map.of(new StakeKey("hk-a", 1), 2_500L)), model.balance("alice"));
      assertEquals(new LedgerSummary.AccountBalance(1_100, Map.of(new StakeKey("hk-b", 2), 600L)), model.balance("bob"));
      assertEquals(new LedgerSummary.AccountBalance(0, Map.of()), model.balance("carol"), "unknown: nothing");
      assertEquals(5, model.offset("Account|alice"));
      assertEquals(0, model.offset("Account|carol"));
      assertThrows(IllegalArgumentException.class, () -> model.offset("Settlement|1"));
    }
  }

  @Test
  void shouldCountNothingTwiceOnRedelivery() throws Exception {
    try (BalanceReadModel model = open()) {
      catchUp(model);
      assertEquals(0, catchUp(model), "nothing new");
      assertEquals(0, catchUp(model, (id, from) -> QUERIES.currentEventsByPersistenceId(id, 0, Long.MAX_VALUE)), "replayed from 0");
      assertFalse(model.apply("Account|alice", 3, new TransferredOut("t1", "bob", 1_000, 3)));
      assertSameAsReplay(model);

      IllegalStateException gap =
          assertThrows(IllegalStateException.class, () -> model.apply("Account|alice", 7, new GenesisCredited("g7", 1, 9)));
      assertTrue(gap.getMessage().contains("missing"), gap.getMessage());
      assertEquals(5, model.offset("Account|alice"));
      assertSameAsReplay(model);
    }
  }

  @Test
  void shouldKeepBalancesAndOffsetsAcrossARestartAndApplyOnlyNewEvents() throws Exception {
    try (BalanceReadModel model = open()) {
      catchUp(model);
    }
    JOURNAL.persistForRecovery("Account|alice", List.of(new GenesisCredited("g2-alice", 50, 10)));
    JOURNAL.persistForRecovery("Account|dave", List.of(new GenesisCredited("g-dave", 70, 11)));
    try (BalanceReadModel model = open()) {
      assertEquals(List.of(), model.recoveryReport(), "closed cleanly: no recovery");
      assertEquals(5, model.offset("Account|alice"));
      assertEquals(4, model.offset("Account|bob"));
      assertEquals(6_000, model.balance("alice").free());
      assertEquals(2, catchUp(model), "the new events only");
      assertEquals(6, model.offset("Account|alice"));
      assertSameAsReplay(model);
    }
  }

  @Test
  void shouldRefuseACorruptStoredAccountInsteadOfReadingZero() throws Exception {
    JOURNAL.persistForRecovery(
        "Account|dave", List.of(new GenesisCredited("g-dave", 70, 11), new StakeAdded("s-dave", CORRUPTIBLE_HOTKEY, 1, 20, 12)));
    Path file = dir.resolve("balances.cm");
    try (BalanceReadModel model = open()) {
      catchUp(model);
    }
    // On disk, the byte after the hotkey is the netuid's first: 0 -> 1 would read as subnet 16777217.
    assertTrue(flipByteAfter(file, CORRUPTIBLE_HOTKEY.getBytes(StandardCharsets.UTF_8)) > 0, "hotkey found in the file");

    JOURNAL.persistForRecovery("Account|dave", List.of(new GenesisCredited("g2-dave", 1, 13)));
    try (BalanceReadModel model = open()) {
      CorruptBalanceException read = assertThrows(CorruptBalanceException.class, () -> model.balance("dave"));
      assertTrue(read.getMessage().contains("dave") && read.getMessage().contains("checksum"), read.getMessage());
      assertThrows(CorruptBalanceException.class, () -> model.offset("Account|dave"));
      assertEquals(6_000, model.balance("alice").free(), "other accounts still read");
      ExecutionException catchUp = assertThrows(ExecutionException.class, () -> catchUp(model));
      assertInstanceOf(CorruptBalanceException.class, catchUp.getCause());
    }
  }

  @Test
  void shouldRefuseASecondOwnerOfTheFile() throws Exception {
    try (BalanceReadModel model = open()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, this::open);
      assertTrue(e.getMessage().contains("already open"), e.getMessage());
      assertTrue(Files.exists(dir.resolve("balances.cm.owner")));
      assertEquals(9, catchUp(model), "the first owner is unaffected");
    }
    assertFalse(Files.exists(dir.resolve("balances.cm.owner")), "a clean close leaves no marker");
  }

  @Test
  void shouldRefuseAForeignEventInAnAccountJournal() throws Exception {
    JOURNAL.persistForRecovery("Account|mallory", List.of("a string is not an account event"));
    try (BalanceReadModel model = open()) {
      ExecutionException e =
          assertThrows(
              ExecutionException.class,
              () -> model.catchUp(Source.single("Account|mallory"), FROM_OFFSET, TEST_KIT.system()).toCompletableFuture().get(10, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("not an account event"), e.getCause().getMessage());
    }
  }

  /** Flips the byte after every occurrence of {@code marker} in {@code file}; returns how many. */
  private static int flipByteAfter(Path file, byte[] marker) throws Exception {
    byte[] content = Files.readAllBytes(file);
    int flipped = 0;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      for (int i = indexOf(content, marker, 0); i >= 0; i = indexOf(content, marker, i + 1)) {
        raf.seek(i + marker.length);
        raf.write(content[i + marker.length] ^ 1);
        flipped++;
      }
    }
    return flipped;
  }

  private static int indexOf(byte[] content, byte[] marker, int from) {
    outer:
    for (int i = from; i <= content.length - marker.length - 1; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (content[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
