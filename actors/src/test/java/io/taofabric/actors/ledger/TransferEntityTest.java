package io.taofabric.actors.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.TransferRequest;
import java.time.Duration;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TransferEntityTest {
  private static final ActorTestKit TEST_KIT =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(com.typesafe.config.ConfigFactory.load()));
  private static final Duration RETRY = Duration.ofMillis(50);

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final String id = "tx-" + UUID.randomUUID();

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private void fund(String coldkey, long rao) {
    accounts.execute(coldkey, new AccountCommand.CreditGenesis("genesis/" + coldkey, rao, 1));
  }

  private ActorRef<TransferEntity.Command> spawn() {
    return TEST_KIT.spawn(TransferEntity.create(id, accounts, RETRY));
  }

  private static StatusReply<String> request(ActorRef<TransferEntity.Command> transfer, TransferRequest r) {
    TestProbe<StatusReply<String>> probe = TEST_KIT.createTestProbe();
    transfer.tell(new TransferEntity.Request(r, probe.getRef()));
    return probe.receiveMessage(Duration.ofSeconds(5));
  }

  @Test
  void shouldMoveTheAmountOnceEvenWhenAskedAgain() {
    fund("alice", 1_000);
    var transfer = spawn();
    TransferRequest r = new TransferRequest(id, "alice", "bob", 300, 5);
    assertEquals(id, request(transfer, r).getValue());
    assertEquals(id, request(transfer, r).getValue(), "a repeat answers with the outcome");
    assertEquals(700, accounts.account("alice").free());
    assertEquals(300, accounts.account("bob").free());
  }

  @Test
  void shouldFailWithTheSendersReasonAndMoveNothing() {
    fund("alice", 10);
    var reply = request(spawn(), new TransferRequest(id, "alice", "bob", 11, 5));
    assertEquals("insufficient free balance: has 10 rao, needs 11", reply.getError().getMessage());
    assertEquals(10, accounts.account("alice").free());
    assertEquals(0, accounts.account("bob").free());
  }

  @Test
  void shouldRetryThroughAccountFailuresAndResumeAfterARestart() {
    fund("alice", 1_000);
    TransferRequest r = new TransferRequest(id, "alice", "bob", 250, 5);
    var first = spawn();
    accounts.failNext(Integer.MAX_VALUE);
    first.tell(new TransferEntity.Request(r, TEST_KIT.<StatusReply<String>>createTestProbe().getRef()));
    TEST_KIT.stop(first);
    accounts.failNext(2);
    assertEquals(id, request(spawn(), r).getValue());
    assertEquals(750, accounts.account("alice").free());
    assertEquals(250, accounts.account("bob").free());
  }

  @Test
  void shouldRefuseTheSameIdForAnotherTransfer() {
    fund("alice", 1_000);
    var transfer = spawn();
    request(transfer, new TransferRequest(id, "alice", "bob", 1, 5));
    var reply = request(transfer, new TransferRequest(id, "alice", "bob", 2, 5));
    assertEquals("transfer id " + id + " is already used by another transfer", reply.getError().getMessage());
    assertEquals(1, accounts.account("bob").free());
  }
}
