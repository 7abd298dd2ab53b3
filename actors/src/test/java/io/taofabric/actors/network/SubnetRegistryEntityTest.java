package io.taofabric.actors.network;

import io.taofabric.actors.PersistentTestKit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.actors.ledger.InMemoryAccounts;
import io.taofabric.core.ledger.AccountCommand.CreditGenesis;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.network.RegistryRules;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubnetRegistryEntityTest {
  @RegisterExtension static final PersistentTestKit KIT = new PersistentTestKit();
  private static final ActorTestKit TEST_KIT = KIT.kit();
  private static final long LOCK = 1_000;
  private static final RegistryRules RULES = new RegistryRules(4, 250_000, LOCK, 100);

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final TestProbe<String> ticks = TEST_KIT.createTestProbe();

  private ActorRef<SubnetRegistryEntity.Command> registry() {
    return TEST_KIT.spawn(
        SubnetRegistryEntity.create(
            RULES,
            accounts,
            (SubnetCreationStarted subnet, Long block) -> ticks.getRef().tell(subnet.netuid() + "@" + block),
            Duration.ofMillis(50)));
  }

  private void fund(String coldkey, long rao) {
    accounts.execute(coldkey, new CreditGenesis("genesis-" + coldkey, rao, 0));
  }

  private static StatusReply<Integer> create(ActorRef<SubnetRegistryEntity.Command> registry, String owner, String key) {
    TestProbe<StatusReply<Integer>> reply = TEST_KIT.createTestProbe();
    registry.tell(new SubnetRegistryEntity.CreateSubnet(owner, owner + "-hot", key, reply.getRef()));
    return reply.receiveMessage(Duration.ofSeconds(5));
  }

  @Test
  void shouldCreateASubnetOnceForItsKeyAndPassTicksToIt() {
    fund("alice", 10 * LOCK);
    ActorRef<SubnetRegistryEntity.Command> registry = registry();
    assertEquals(1, create(registry, "alice", "lock-1").getValue());
    assertEquals(1, create(registry, "alice", "lock-1").getValue(), "a retry answers the same subnet");
    assertEquals(9 * LOCK, accounts.account("alice").free(), "the lock was paid once");
    registry.tell(new SubnetRegistryEntity.BlockTick(7));
    assertEquals("1@7", ticks.receiveMessage());
  }

  @Test
  void shouldRefuseWhenTheOwnerCannotPayAndKeepNothing() {
    fund("bob", LOCK / 2);
    ActorRef<SubnetRegistryEntity.Command> registry = registry();
    StatusReply<Integer> refused = create(registry, "bob", "lock-b");
    assertTrue(refused.isError() && refused.getError().getMessage().contains("insufficient"), refused.toString());
    TestProbe<SubnetRegistryEntity.Subnets> list = TEST_KIT.createTestProbe();
    registry.tell(new SubnetRegistryEntity.ListSubnets(list.getRef()));
    assertTrue(list.receiveMessage().subnets().isEmpty());
    assertEquals(LOCK / 2, accounts.account("bob").free());
  }

  @Test
  void shouldAskAgainWhenTheAccountIsUnreachableAndFinishAfterARestart() {
    fund("carol", 10 * LOCK);
    accounts.failNext(2);
    ActorRef<SubnetRegistryEntity.Command> registry = registry();
    assertEquals(1, create(registry, "carol", "lock-c").getValue());
    TEST_KIT.stop(registry);
    TestProbe<SubnetRegistryEntity.Subnets> list = TEST_KIT.createTestProbe();
    registry().tell(new SubnetRegistryEntity.ListSubnets(list.getRef()));
    SubnetRegistryEntity.Subnets subnets = list.receiveMessage();
    assertEquals(1, subnets.subnets().size(), "recovered from the journal");
    assertEquals(2 * LOCK, subnets.nextLockCost(), "the price doubled after a creation");
    assertEquals(9 * LOCK, accounts.account("carol").free());
  }
}
