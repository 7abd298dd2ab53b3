package io.taofabric.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.AccountCommand.AddStake;
import io.taofabric.core.ledger.AccountCommand.BurnForRegistration;
import io.taofabric.core.ledger.AccountCommand.CreditEmission;
import io.taofabric.core.ledger.AccountCommand.CreditGenesis;
import io.taofabric.core.ledger.AccountCommand.LockForSubnet;
import io.taofabric.core.ledger.AccountCommand.ReceiveTransfer;
import io.taofabric.core.ledger.AccountCommand.RemoveStake;
import io.taofabric.core.ledger.AccountCommand.SendTransfer;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountTest {
  private static final long TAO = BlockEmission.RAO_PER_TAO;

  /** Decides and, when accepted, applies; returns the decision. */
  private static Decision<AccountEvent> run(Account account, AccountCommand command) {
    Decision<AccountEvent> d = account.decide(command);
    if (d instanceof Decision.Accept<AccountEvent> accept) {
      accept.events().forEach(account::apply);
    }
    return d;
  }

  private static Account funded(long rao) {
    Account a = new Account("alice");
    run(a, new CreditGenesis("genesis", rao, 1));
    return a;
  }

  private static String rejection(Decision<AccountEvent> d) {
    return assertInstanceOf(Decision.Reject.class, d).reason();
  }

  @Nested
  class Transfers {
    @Test
    void shouldDebitTheSenderOnce() {
      Account a = funded(10 * TAO);
      run(a, new SendTransfer("t1", "bob", 3 * TAO, 5));
      assertEquals(7 * TAO, a.free());
      assertInstanceOf(Decision.AlreadyApplied.class, run(a, new SendTransfer("t1", "bob", 3 * TAO, 6)));
      assertEquals(7 * TAO, a.free());
    }

    @Test
    void shouldOweTheReceiverTheCreditUntilItIsConfirmed() {
      Account a = funded(10 * TAO);
      run(a, new SendTransfer("t1", "bob", 3 * TAO, 5));
      run(a, new SendTransfer("t2", "carol", 1 * TAO, 6));
      AccountEvent.TransferredOut t1 = new AccountEvent.TransferredOut("t1", "bob", 3 * TAO, 5);
      assertEquals(List.of(t1, new AccountEvent.TransferredOut("t2", "carol", TAO, 6)), List.copyOf(a.undelivered()));
      assertEquals(new ReceiveTransfer("t1", "alice", 3 * TAO, 5), a.creditFor(t1));

      AccountEvent confirmation = new AccountEvent.TransferDelivered("t1", "bob", 3 * TAO, 5);
      assertEquals(Decision.accept(confirmation), a.decideDelivered("t1"));
      a.apply(confirmation);
      assertTrue(!a.isUndelivered("t1") && a.isUndelivered("t2"));
      assertEquals(6 * TAO, a.free(), "a confirmation moves no money");
      assertInstanceOf(Decision.AlreadyApplied.class, a.decideDelivered("t1"), "confirmed once");
      assertInstanceOf(Decision.AlreadyApplied.class, a.decideDelivered("never-sent"));
    }

    @Test
    void shouldKeepTheUndeliveredTransfersInASnapshot() {
      Account a = funded(10 * TAO);
      run(a, new SendTransfer("t1", "bob", 3 * TAO, 5));
      Account restored = Account.restore(a.snapshot());
      assertEquals(List.copyOf(a.undelivered()), List.copyOf(restored.undelivered()));
      assertEquals(7 * TAO, restored.free());
      assertInstanceOf(Decision.AlreadyApplied.class, restored.decide(new SendTransfer("t1", "bob", 3 * TAO, 5)));
    }

    @Test
    void shouldRefuseATransferBeyondTheFreeBalanceAndChangeNothing() {
      Account a = funded(10 * TAO);
      String reason = rejection(run(a, new SendTransfer("t1", "bob", 10 * TAO + 1, 5)));
      assertEquals("insufficient free balance: has 10000000000 rao, needs 10000000001", reason);
      assertEquals(10 * TAO, a.free());
      assertTrue(!a.hasApplied("t1"), "a refused operation is not remembered, so a corrected retry works");
    }

    @Test
    void shouldRefuseATransferToItself() {
      assertEquals("cannot transfer to the same account", rejection(run(funded(TAO), new SendTransfer("t", "alice", 1, 2))));
    }

    @Test
    void shouldCreditTheReceiverAndRefuseAnOverflow() {
      Account b = new Account("bob");
      run(b, new ReceiveTransfer("t1", "alice", 5, 3));
      assertEquals(5, b.free());
      Account rich = new Account("rich");
      rich.apply(new AccountEvent.GenesisCredited("g", Long.MAX_VALUE - 1, 1));
      assertEquals("free balance would overflow", rejection(run(rich, new ReceiveTransfer("t2", "x", 2, 3))));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void shouldRefuseAmountsThatAreNotPositive(long amount) {
    Account a = funded(TAO);
    assertTrue(rejection(run(a, new SendTransfer("t", "bob", amount, 2))).startsWith("amount must be positive"));
    assertTrue(rejection(run(a, new AddStake("s", "hk", 1, amount, 2))).startsWith("amount must be positive"));
    assertEquals(TAO, a.free());
  }

  @Test
  void shouldRefuseAmountsBeyondTheSupply() {
    String reason = rejection(run(new Account("a"), new CreditGenesis("g", BlockEmission.MAX_SUPPLY_RAO + 1, 1)));
    assertTrue(reason.startsWith("amount exceeds the 21M TAO supply"), reason);
  }

  @Nested
  class Stake {
    @Test
    void shouldMoveFreeBalanceIntoStakeAndBack() {
      Account a = funded(10 * TAO);
      run(a, new AddStake("s1", "hk", 3, 4 * TAO, 2));
      assertEquals(6 * TAO, a.free());
      assertEquals(4 * TAO, a.staked(new StakeKey("hk", 3)));
      run(a, new RemoveStake("u1", "hk", 3, 4 * TAO, 3));
      assertEquals(10 * TAO, a.free());
      assertEquals(0, a.totalStaked());
      assertTrue(a.stakes().isEmpty(), "an emptied stake leaves no entry behind");
    }

    @Test
    void shouldRefuseRemovingMoreStakeThanHeld() {
      Account a = funded(10 * TAO);
      run(a, new AddStake("s1", "hk", 3, 4, 2));
      assertEquals(
          "insufficient stake on hk in subnet 3: has 4 rao, needs 5",
          rejection(run(a, new RemoveStake("u1", "hk", 3, 5, 3))));
      assertEquals("insufficient stake on hk in subnet 4: has 0 rao, needs 1", rejection(run(a, new RemoveStake("u2", "hk", 4, 1, 3))));
    }

    @Test
    void shouldRefuseStakingMoreThanTheFreeBalance() {
      assertTrue(rejection(run(funded(3), new AddStake("s", "hk", 1, 4, 2))).startsWith("insufficient free balance"));
    }
  }

  @Test
  void shouldBurnForRegistrationOnlyWhatIsFree() {
    Account a = funded(TAO);
    run(a, new BurnForRegistration("r1", "hk", 1, TAO / 2, 4));
    assertEquals(TAO / 2, a.free());
    assertTrue(rejection(run(a, new BurnForRegistration("r2", "hk", 1, TAO, 4))).startsWith("insufficient"));
  }

  @Test
  void shouldRecycleASubnetLockOnceAndOnlyFromFreeBalance() {
    Account a = funded(TAO);
    assertInstanceOf(Decision.Accept.class, run(a, new LockForSubnet("lock-1", 3, TAO / 4, 9)));
    assertInstanceOf(Decision.AlreadyApplied.class, run(a, new LockForSubnet("lock-1", 3, TAO / 4, 9)));
    assertEquals(TAO - TAO / 4, a.free());
    assertTrue(rejection(run(a, new LockForSubnet("lock-2", 4, TAO, 9))).startsWith("insufficient"));
  }

  @Test
  void shouldCreditEachUidsEmissionOncePerEpoch() {
    Account a = new Account("alice");
    run(a, new CreditEmission(1, 7, 12, "hk", 500, 100));
    assertInstanceOf(Decision.AlreadyApplied.class, run(a, new CreditEmission(1, 7, 12, "hk", 500, 101)));
    run(a, new CreditEmission(1, 8, 12, "hk", 300, 460));
    assertEquals(800, a.staked(new StakeKey("hk", 1)));
    assertEquals(0, a.free());
  }
}
