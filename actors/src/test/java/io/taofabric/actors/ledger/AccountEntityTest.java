package io.taofabric.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.StakeKey;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.SerializationSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountEntityTest {
  private static final ActorTestKit TEST_KIT = ActorTestKit.create(EventSourcedBehaviorTestKit.config());

  // commands and events go through the real serializers; the state is snapshotted through its
  // adapter, so it is not checked here
  private final EventSourcedBehaviorTestKit<AccountEntity.Command, AccountEvent, io.taofabric.core.ledger.Account> account =
      EventSourcedBehaviorTestKit.create(
          TEST_KIT.system(),
          AccountEntity.create("cold-" + UUID.randomUUID()),
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
