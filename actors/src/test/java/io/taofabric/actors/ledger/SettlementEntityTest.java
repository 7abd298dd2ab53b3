package io.taofabric.actors.ledger;

import io.taofabric.actors.PersistentTestKit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.UidEmission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettlementEntityTest {
  @RegisterExtension static final PersistentTestKit KIT = new PersistentTestKit();
  private static final ActorTestKit TEST_KIT = KIT.kit();
  private static final AtomicInteger NETUIDS = new AtomicInteger(100);
  private static final Duration RETRY = Duration.ofMillis(50);

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final int netuid = NETUIDS.incrementAndGet();

  private EpochSettled epoch(long epoch) {
    return new EpochSettled(
        netuid,
        epoch,
        360 * (epoch + 1),
        List.of(new UidEmission(0, "hk-v", "alice", 400), new UidEmission(1, "hk-m", "bob", 600), new UidEmission(2, "hk-z", "carol", 0)));
  }

  private ActorRef<SettlementEntity.Command> spawn() {
    return TEST_KIT.spawn(SettlementEntity.create(netuid, accounts, RETRY));
  }

  private static void settle(ActorRef<SettlementEntity.Command> settlement, EpochSettled epoch) {
    TestProbe<StatusReply<Done>> probe = TEST_KIT.createTestProbe();
    settlement.tell(new SettlementEntity.Settle(epoch, probe.getRef()));
    assertTrue(probe.receiveMessage().isSuccess());
  }

  private static void awaitAllCredited(ActorRef<SettlementEntity.Command> settlement) {
    TestProbe<SettlementEntity.Uncredited> probe = TEST_KIT.createTestProbe();
    probe.awaitAssert(
        Duration.ofSeconds(5),
        () -> {
          settlement.tell(new SettlementEntity.GetUncredited(probe.getRef()));
          assertEquals(List.of(), probe.receiveMessage().epochs());
          return null;
        });
  }

  @Test
  void shouldCreditEveryPositiveEmissionOnceAndCloseTheEpoch() {
    var settlement = spawn();
    settle(settlement, epoch(0));
    awaitAllCredited(settlement);
    assertEquals(400, accounts.account("alice").staked(new StakeKey("hk-v", netuid)));
    assertEquals(600, accounts.account("bob").staked(new StakeKey("hk-m", netuid)));
    assertEquals(0, accounts.account("carol").totalStaked());
    assertEquals(2, accounts.calls(), "no credit call for a zero emission");
  }

  @Test
  void shouldRetryCreditsThatFailedUntilTheyLand() {
    var settlement = spawn();
    accounts.failNext(3);
    settle(settlement, epoch(0));
    awaitAllCredited(settlement);
    assertEquals(400, accounts.account("alice").totalStaked());
    assertEquals(600, accounts.account("bob").totalStaked());
    assertTrue(accounts.calls() > 2, "failed calls were sent again");
  }

  @Test
  void shouldResendUnconfirmedCreditsAfterARestartWithoutPayingTwice() {
    var first = spawn();
    accounts.failNext(Integer.MAX_VALUE);
    settle(first, epoch(0));
    TEST_KIT.stop(first);
    accounts.failNext(0);
    var second = spawn();
    awaitAllCredited(second);
    settle(second, epoch(0));
    settle(second, epoch(1));
    awaitAllCredited(second);
    assertEquals(800, accounts.account("alice").totalStaked());
    assertEquals(1_200, accounts.account("bob").totalStaked());
  }

  @Test
  void shouldRefuseAnEpochOfAnotherSubnet() {
    var settlement = spawn();
    TestProbe<StatusReply<Done>> probe = TEST_KIT.createTestProbe();
    settlement.tell(new SettlementEntity.Settle(new EpochSettled(netuid + 1000, 0, 1, List.of()), probe.getRef()));
    assertTrue(probe.receiveMessage().isError());
  }
}
