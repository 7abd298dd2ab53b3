package io.taofabric.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.StakeKey;
import java.time.Duration;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.SerializationSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountEntityTest {
  private static final ActorTestKit TEST_KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config());

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** The accounts this one's transfers are delivered to. */
  private final InMemoryAccounts receivers = new InMemoryAccounts();

  // commands and events go through the real serializers; the state is snapshotted through its
  // adapter, so it is not checked here
  private final EventSourcedBehaviorTestKit<AccountEntity.Command, AccountEvent, io.taofabric.core.ledger.Account> account =
      EventSourcedBehaviorTestKit.create(
          TEST_KIT.system(),
          AccountEntity.create("cold-" + UUID.randomUUID(), receivers, Duration.ofMillis(50)),
          new SerializationSettings(true, true, true, true, false));

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<
          AccountEntity.Command, AccountEvent, io.taofabric.core.ledger.Account, StatusReply<AccountEntity.Balance>>
      execute(AccountCommand command) {
    return account.runCommand(replyTo -> new AccountEntity.Execute(command, replyTo));
  }

  @Nested
  class Execute {
    @Test
    void shouldPersistAcceptedOperationsAndReplyWithTheBalance() {
      execute(new AccountCommand.CreditGenesis("g", 1_000, 1));
      var result = execute(new AccountCommand.AddStake("s", "hk", 2, 400, 3));
      assertEquals(new AccountEvent.StakeAdded("s", "hk", 2, 400, 3), result.event());
      assertEquals(600, result.reply().getValue().free());
      assertEquals(400, result.reply().getValue().stakes().get(new StakeKey("hk", 2)));
    }

    @Test
    void shouldRefuseWithTheReasonAndPersistNothing() {
      execute(new AccountCommand.CreditGenesis("g", 10, 1));
      var result = execute(new AccountCommand.SendTransfer("t", "bob", 11, 2));
      assertTrue(result.hasNoEvents());
      assertEquals("insufficient free balance: has 10 rao, needs 11", result.reply().getError().getMessage());
    }

    @Test
    void shouldAcknowledgeARepeatWithoutApplyingItTwice() {
      execute(new AccountCommand.CreditEmission(1, 5, 3, "hk", 70, 100));
      var repeat = execute(new AccountCommand.CreditEmission(1, 5, 3, "hk", 70, 101));
      assertTrue(repeat.hasNoEvents());
      assertTrue(repeat.reply().isSuccess());
      assertEquals(70, repeat.reply().getValue().stakes().get(new StakeKey("hk", 1)));
    }
  }

  @Nested
  class Transfers {
    @Test
    void shouldReplyOnceTheReceiverHasTheMoney() {
      execute(new AccountCommand.CreditGenesis("g", 1_000, 1));
      var result = execute(new AccountCommand.SendTransfer("t", "bob", 300, 2));
      assertEquals(new AccountEvent.TransferredOut("t", "bob", 300, 2), result.event());
      assertEquals(700, result.reply().getValue().free());
      assertEquals(300, receivers.account("bob").free());
      assertTrue(account.getState().undelivered().isEmpty(), "the receiver's confirmation is persisted before the reply");
    }

    @Test
    void shouldAskTheReceiverAgainUntilItConfirms() {
      execute(new AccountCommand.CreditGenesis("g", 1_000, 1));
      receivers.failNext(3);
      assertEquals(800, execute(new AccountCommand.SendTransfer("t", "bob", 200, 2)).reply().getValue().free());
      assertEquals(200, receivers.account("bob").free(), "credited once however often it was asked");
      assertEquals(4, receivers.calls());
    }

    @Test
    void shouldDeliverAfterARestartWhatWasSentBeforeIt() {
      execute(new AccountCommand.CreditGenesis("g", 1_000, 1));
      receivers.failNext(Integer.MAX_VALUE);
      TestProbe<StatusReply<AccountEntity.Balance>> gaveUp = TEST_KIT.createTestProbe();
      account.runCommand(new AccountEntity.Execute(new AccountCommand.SendTransfer("t", "bob", 250, 2), gaveUp.getRef()));
      assertEquals(0, receivers.account("bob").free());

      receivers.failNext(0);
      account.restart();
      // the receiver has it, and the sender has persisted the receiver's confirmation
      TEST_KIT.createTestProbe().awaitAssert(TIMEOUT, () -> {
        assertEquals(250, receivers.account("bob").free());
        assertTrue(account.getState().undelivered().isEmpty());
        return null;
      });
      var repeat = execute(new AccountCommand.SendTransfer("t", "bob", 250, 3));
      assertTrue(repeat.hasNoEvents());
      assertEquals(750, repeat.reply().getValue().free(), "a repeat learns the outcome, and nothing moves again");
    }
  }

  @Test
  void shouldRecoverItsBalancesAfterARestart() {
    execute(new AccountCommand.CreditGenesis("g", 1_000, 1));
    execute(new AccountCommand.SendTransfer("t", "bob", 300, 2));
    account.restart();
    var balance = account.<AccountEntity.Balance>runCommand(AccountEntity.GetBalance::new).reply();
    assertEquals(700, balance.free());
    assertTrue(execute(new AccountCommand.SendTransfer("t", "bob", 300, 3)).hasNoEvents(), "the key survives a restart");
  }
}
