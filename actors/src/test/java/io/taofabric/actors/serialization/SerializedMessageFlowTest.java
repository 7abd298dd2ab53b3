package io.taofabric.actors.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.Accounts;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.actors.ledger.TransferEntity;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.TransferRequest;
import io.taofabric.core.ledger.UidEmission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger's real message flow with every message serialized and deserialized on each send, as
 * if each entity ran on another node: a transfer saga asking two accounts, and a settlement
 * crediting them. A message without a working serializer fails its send, and the flow stalls.
 */
class SerializedMessageFlowTest {
  private static final ActorTestKit TEST_KIT =
      ActorTestKit.create(
          ConfigFactory.parseString("pekko.actor.serialize-messages = on\npekko.actor.serialize-creators = off")
              .withFallback(PersistenceTestKitPlugin.getInstance().config())
              .withFallback(ConfigFactory.load()));
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RETRY = Duration.ofMillis(100);

  private final Map<String, ActorRef<AccountEntity.Command>> spawned = new ConcurrentHashMap<>();
  private final Accounts accounts =
      (coldkey, command) ->
          AskPattern.ask(
              account(coldkey), replyTo -> new AccountEntity.Execute(command, replyTo), TIMEOUT, TEST_KIT.scheduler());

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private ActorRef<AccountEntity.Command> account(String coldkey) {
    return spawned.computeIfAbsent(coldkey, c -> TEST_KIT.spawn(AccountEntity.create(c)));
  }

  private AccountEntity.Balance balance(String coldkey) {
    TestProbe<AccountEntity.Balance> probe = TEST_KIT.createTestProbe();
    account(coldkey).tell(new AccountEntity.GetBalance(probe.getRef()));
    return probe.receiveMessage(TIMEOUT);
  }

  @Test
  void shouldMoveMoneyThroughATransferSagaWithEveryMessageSerialized() {
    TestProbe<StatusReply<AccountEntity.Balance>> funded = TEST_KIT.createTestProbe();
    account("alice-t").tell(new AccountEntity.Execute(new AccountCommand.CreditGenesis("genesis/alice-t", 1_000, 1), funded.getRef()));
    assertEquals(1_000, funded.receiveMessage(TIMEOUT).getValue().free());

    ActorRef<TransferEntity.Command> transfer = TEST_KIT.spawn(TransferEntity.create("tx-1", accounts, RETRY));
    TestProbe<StatusReply<String>> done = TEST_KIT.createTestProbe();
    transfer.tell(new TransferEntity.Request(new TransferRequest("tx-1", "alice-t", "bob-t", 300, 5), done.getRef()));

    assertEquals("tx-1", done.receiveMessage(TIMEOUT).getValue());
    assertEquals(700, balance("alice-t").free());
    assertEquals(300, balance("bob-t").free());
  }

  @Test
  void shouldRefuseAnOverdraftWithTheReasonSerialized() {
    TestProbe<StatusReply<AccountEntity.Balance>> refused = TEST_KIT.createTestProbe();
    account("carol-t").tell(new AccountEntity.Execute(new AccountCommand.SendTransfer("tx-2", "dave-t", 1, 1), refused.getRef()));
    assertEquals("insufficient free balance: has 0 rao, needs 1", refused.receiveMessage(TIMEOUT).getError().getMessage());
  }

  @Test
  void shouldCreditASettledEpochWithEveryMessageSerialized() {
    ActorRef<SettlementEntity.Command> settlement = TEST_KIT.spawn(SettlementEntity.create(7, accounts, RETRY));
    settle(settlement, new EpochSettled(7, 0, 360, List.of(new UidEmission(0, "hk-v", "alice-s", 400), new UidEmission(1, "hk-m", "bob-s", 600))));
    awaitAllCredited(settlement);
    assertEquals(400, balance("alice-s").stakes().get(new StakeKey("hk-v", 7)));
    assertEquals(600, balance("bob-s").stakes().get(new StakeKey("hk-m", 7)));
  }

  @Test
  void shouldCloseAnEpochWithNothingToCredit() {
    ActorRef<SettlementEntity.Command> settlement = TEST_KIT.spawn(SettlementEntity.create(8, accounts, RETRY));
    settle(settlement, new EpochSettled(8, 0, 360, List.of(new UidEmission(0, "hk-z", "zero-s", 0))));
    awaitAllCredited(settlement);
  }

  private static void settle(ActorRef<SettlementEntity.Command> settlement, EpochSettled epoch) {
    TestProbe<StatusReply<Done>> settled = TEST_KIT.createTestProbe();
    settlement.tell(new SettlementEntity.Settle(epoch, settled.getRef()));
    assertTrue(settled.receiveMessage(TIMEOUT).isSuccess());
  }

  private static void awaitAllCredited(ActorRef<SettlementEntity.Command> settlement) {
    TestProbe<SettlementEntity.Uncredited> open = TEST_KIT.createTestProbe();
    open.awaitAssert(
        TIMEOUT,
        () -> {
          settlement.tell(new SettlementEntity.GetUncredited(open.getRef()));
          assertEquals(List.of(), open.receiveMessage().epochs());
          return null;
        });
  }
}
