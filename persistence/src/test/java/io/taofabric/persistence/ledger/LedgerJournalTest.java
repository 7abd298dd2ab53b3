package io.taofabric.persistence.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.AccountEvent.EmissionCredited;
import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import io.taofabric.core.ledger.AccountEvent.TransferredIn;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The ledger fold over real journal envelopes (the in-memory journal; the Cassandra scan in an IT). */
class LedgerJournalTest {
  private static final ActorTestKit TEST_KIT =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(com.typesafe.config.ConfigFactory.load()));
  private static final PersistenceTestKit JOURNAL = PersistenceTestKit.create(TEST_KIT.system());

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private static LedgerSummary replay(List<String> ids, long toBlock) throws Exception {
    return InMemoryLedger.replay(TEST_KIT.system(), ids, toBlock);
  }


  @Test
  void shouldRebuildBalancesFromEveryLedgerJournalAndSkipOthers() throws Exception {
    JOURNAL.persistForRecovery("Account|alice", List.of(new GenesisCredited("g", 1_000, 1), new TransferredOut("t", "bob", 300, 5)));
    JOURNAL.persistForRecovery(
        "Account|bob",
        List.of(new TransferredIn("t", "alice", 300, 6), new EmissionCredited("emission/2/0/1", 2, 0, 1, "hk", 50, 360)));
    JOURNAL.persistForRecovery(
        "Settlement|2", List.of(new EpochSettled(2, 0, 360, List.of(new UidEmission(1, "hk", "bob", 50)))));
    JOURNAL.persistForRecovery("Subnet|2", List.of(new GenesisCredited("not the ledger", 5, 1)));

    LedgerSummary all = replay(List.of("Account|alice", "Account|bob", "Settlement|2", "Subnet|2"), Long.MAX_VALUE);
    assertTrue(all.invariantsHold(), all.violations().toString());
    assertEquals(5, all.events());
    assertEquals(1_050, all.issuance());
    assertEquals(350, all.accounts().get("bob").free() + all.accounts().get("bob").staked());

    LedgerSummary early = replay(List.of("Account|alice", "Account|bob", "Settlement|2"), 5);
    assertEquals(300, early.inFlight(), "sent, not yet received at block 5");
    assertTrue(early.invariantsHold(), early.violations().toString());
  }

  @Test
  void shouldRefuseAForeignEventInALedgerJournal() {
    JOURNAL.persistForRecovery("Account|mallory", List.of("a string is not a ledger event"));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> replay(List.of("Account|mallory"), Long.MAX_VALUE));
    assertTrue(e.getCause().getMessage().contains("not a ledger event"), e.getCause().getMessage());
  }

}
