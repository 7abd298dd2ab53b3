package io.taofabric.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.AccountEvent.EmissionCredited;
import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import io.taofabric.core.ledger.AccountEvent.RegistrationBurned;
import io.taofabric.core.ledger.AccountEvent.StakeAdded;
import io.taofabric.core.ledger.AccountEvent.StakeRemoved;
import io.taofabric.core.ledger.AccountEvent.SubnetLockRecycled;
import io.taofabric.core.ledger.AccountEvent.TransferDelivered;
import io.taofabric.core.ledger.AccountEvent.TransferredIn;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.SettlementEvent.EpochCredited;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LedgerReplayTest {
  private static final EpochSettled EPOCH =
      new EpochSettled(1, 0, 360, List.of(new UidEmission(0, "hk-a", "alice", 700), new UidEmission(1, "hk-b", "bob", 300)));

  /** A consistent history: genesis, a transfer, stake, a burn, and one fully credited epoch. */
  private static LedgerReplay history(LedgerReplay r, boolean aliceFirst) {
    Runnable alice =
        () -> {
          r.account("alice", new GenesisCredited("g-alice", 1_000, 1));
          r.account("alice", new TransferredOut("t1", "bob", 100, 10));
          r.account("alice", new TransferDelivered("t1", "bob", 100, 12));
          r.account("alice", new StakeAdded("s1", "hk-a", 1, 200, 11));
          r.account("alice", new EmissionCredited("emission/1/0/0", 1, 0, 0, "hk-a", 700, 360));
        };
    Runnable bob =
        () -> {
          r.account("bob", new TransferredIn("t1", "alice", 100, 12));
          r.account("bob", new RegistrationBurned("r1", "hk-b", 1, 40, 20));
          r.account("bob", new EmissionCredited("emission/1/0/1", 1, 0, 1, "hk-b", 300, 360));
        };
    if (aliceFirst) {
      alice.run();
      bob.run();
    } else {
      bob.run();
      alice.run();
    }
    r.settlement(EPOCH);
    r.settlement(new EpochCredited(1, 0, 361));
    return r;
  }

  @Test
  void shouldBalanceAConsistentHistoryExactly() {
    LedgerSummary s = history(new LedgerReplay(), true).finish();
    assertTrue(s.invariantsHold(), s.violations().toString());
    assertEquals(2_000, s.issuance());
    assertEquals(1_960, s.held());
    assertEquals(40, s.burned());
    assertEquals(0, s.inFlight());
    assertEquals(10, s.events());
    assertEquals(java.util.Map.of(1, 1L), s.settledEpochs());
    assertEquals(900, s.accounts().get("alice").staked());
    assertEquals(
        "ledger: 10 events, issuance 2000 rao, held 1960 rao, checksum " + s.checksum() + ", invariants OK", s.line());
  }

  @Test
  void shouldCountARecycledSubnetLockAsBurned() {
    LedgerReplay r = history(new LedgerReplay(), true);
    r.account("alice", new SubnetLockRecycled("lock-1", 2, 100, 400));
    LedgerSummary s = r.finish();
    assertTrue(s.invariantsHold(), s.violations().toString());
    assertEquals(140, s.burned());
    assertEquals(1_860, s.held());
  }

  @Test
  void shouldGiveTheSameChecksumWhateverOrderTheJournalsAreRead() {
    assertEquals(history(new LedgerReplay(), true).finish().line(), history(new LedgerReplay(), false).finish().line());
  }

  @Test
  void shouldReplayToABlock() {
    LedgerSummary s = history(new LedgerReplay(11), true).finish();
    assertTrue(s.invariantsHold(), s.violations().toString());
    assertEquals(1_000, s.issuance());
    assertEquals(100, s.inFlight(), "sent at block 10, received at block 12");
    assertEquals(700, s.accounts().get("alice").free());
  }

  @Nested
  class Violations {
    @Test
    void shouldReportACreditAppliedTwice() {
      LedgerReplay r = history(new LedgerReplay(), true);
      r.account("bob", new EmissionCredited("emission/1/0/1", 1, 0, 1, "hk-b", 300, 362));
      LedgerSummary s = r.finish();
      assertTrue(s.line().contains("invariants BROKEN: operation emission/1/0/1 applied twice to bob"), s.line());
    }

    @Test
    void shouldReportACreditWithoutASettledEpoch() {
      LedgerReplay r = history(new LedgerReplay(), true);
      r.account("bob", new EmissionCredited("emission/1/9/1", 1, 9, 1, "hk-b", 5, 400));
      assertTrue(r.finish().violations().contains("credit emission/1/9/1 has no settled epoch behind it"));
    }

    @Test
    void shouldReportAConfirmationOfATransferNotWaitingOrNeverReceived() {
      LedgerReplay r = history(new LedgerReplay(), true);
      r.account("alice", new TransferDelivered("t1", "bob", 100, 13));
      r.account("alice", new GenesisCredited("g-more", 10, 14));
      r.account("alice", new TransferredOut("t2", "carol", 10, 14));
      r.account("alice", new TransferDelivered("t2", "carol", 10, 14));
      LedgerSummary s = r.finish();
      assertEquals(
          List.of(
              "transfer t1 confirmed to alice, which has no such transfer waiting",
              "transfer t2 confirmed but never received"),
          s.violations());
      assertEquals(10, s.inFlight(), "unreceived, so in flight whatever its sender believes");
    }

    @Test
    void shouldReportANegativeBalanceInACorruptJournal() {
      LedgerReplay r = new LedgerReplay();
      r.account("eve", new TransferredOut("t9", "bob", 5, 3));
      r.account("bob", new TransferredIn("t9", "eve", 5, 3));
      LedgerSummary s = r.finish();
      assertTrue(s.violations().get(0).startsWith("negative free balance -5 in eve"), s.violations().toString());
    }

    @Test
    void shouldReportAnEpochMissingFromASubnetsSequence() {
      LedgerReplay r = history(new LedgerReplay(), true);
      r.settlement(new EpochSettled(1, 2, 1_080, List.of()));
      LedgerSummary s = r.finish();
      assertTrue(
          s.violations().contains("subnet 1 settled 2 epochs up to epoch 2: an epoch is missing"), s.violations().toString());
      assertEquals(2L, s.settledEpochs().get(1));
    }

    @Test
    void shouldReportANegativeStakeWhicheverEventMadeIt() {
      LedgerReplay r = new LedgerReplay();
      r.account("eve", new GenesisCredited("g-eve", 50, 1));
      r.account("eve", new StakeAdded("s1", "hk-e", 2, 20, 2));
      r.account("eve", new StakeRemoved("s2", "hk-e", 2, 30, 3));
      r.account("eve", new StakeAdded("s3", "hk-f", 2, -4, 4));
      List<String> violations = r.finish().violations();
      assertTrue(violations.contains("negative stake -10 on " + new StakeKey("hk-e", 2) + " in eve"), violations.toString());
      assertTrue(violations.contains("negative stake -4 on " + new StakeKey("hk-f", 2) + " in eve"), violations.toString());
    }

    @Test
    void shouldReportAnEpochSettledTwiceAndMoneyFromNowhere() {
      LedgerReplay r = history(new LedgerReplay(), true);
      r.settlement(EPOCH);
      r.account("mallory", new TransferredIn("t-forged", "alice", 50, 30));
      List<String> v = r.finish().violations();
      assertTrue(v.contains("epoch 1/0 settled twice"), v.toString());
      assertTrue(v.contains("transfer t-forged received but never sent"), v.toString());
      assertTrue(v.stream().anyMatch(x -> x.startsWith("issuance 2000 != held 2010")), v.toString());
    }
  }

  @Test
  void shouldChangeTheChecksumWhenABalanceChanges() {
    LedgerReplay r = history(new LedgerReplay(), true);
    r.account("carol", new GenesisCredited("g-carol", 1, 400));
    assertNotEquals(history(new LedgerReplay(), true).finish().checksum(), r.finish().checksum());
  }

  @Nested
  class SettlementRecord {
    @Test
    void shouldSettleEachEpochOnceAndKeepItUncreditedUntilConfirmed() {
      Settlement s = new Settlement(1);
      Decision<SettlementEvent> d = s.decideSettle(EPOCH);
      assertInstanceOf(Decision.Accept.class, d);
      ((Decision.Accept<SettlementEvent>) d).events().forEach(s::apply);
      assertInstanceOf(Decision.AlreadyApplied.class, s.decideSettle(EPOCH));
      assertEquals(List.of(EPOCH), s.uncredited());
      ((Decision.Accept<SettlementEvent>) s.decideCredited(0, 361)).events().forEach(s::apply);
      assertTrue(s.uncredited().isEmpty());
      assertInstanceOf(Decision.AlreadyApplied.class, s.decideCredited(0, 362));
      assertInstanceOf(Decision.Reject.class, s.decideCredited(5, 362));
    }

    @Test
    void shouldRefuseAnEpochListingAUidTwiceOrForAnotherSubnet() {
      Settlement s = new Settlement(1);
      EpochSettled twice =
          new EpochSettled(1, 0, 1, List.of(new UidEmission(0, "a", "x", 1), new UidEmission(0, "b", "y", 1)));
      assertEquals("uid 0 appears twice in epoch 0", ((Decision.Reject<SettlementEvent>) s.decideSettle(twice)).reason());
      assertInstanceOf(Decision.Reject.class, new Settlement(2).decideSettle(EPOCH));
    }
  }
}
