package io.taofabric.actors.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.Accounts;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.actors.network.BlockClock;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.subnet.Settlements;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.UidEmission;
import io.taofabric.core.network.NetworkEvent.BlockProduced;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.network.RegistryRules;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
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
 * The real message flows with every message serialized and deserialized on each send, as if each
 * entity ran on another node: a transfer from one account to another, a settlement crediting them, and
 * a subnet created through the registry, ticked, joined, staked on and served. A message without a
 * working serializer fails its send, and the flow stalls.
 */
class SerializedMessageFlowTest {
  private static final ActorTestKit TEST_KIT =
      ActorTestKit.create(
          ConfigFactory.parseString("pekko.actor.serialize-messages = on\npekko.actor.serialize-creators = off")
              .withFallback(PersistenceTestKitPlugin.getInstance().config())
              .withFallback(ConfigFactory.load()));
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration RETRY = Duration.ofMillis(100);
  private static final long TAO = BlockEmission.RAO_PER_TAO;
  private static final RegistryRules RULES = new RegistryRules(4, 250_000, TAO, 100);

  private final Map<String, ActorRef<AccountEntity.Command>> spawned = new ConcurrentHashMap<>();
  private final Accounts accounts =
      (coldkey, command) ->
          AskPattern.ask(
              account(coldkey), replyTo -> new AccountEntity.Execute(command, replyTo), TIMEOUT, TEST_KIT.scheduler());
  private final Map<Integer, ActorRef<SettlementEntity.Command>> settlements = new ConcurrentHashMap<>();
  private final Map<Integer, ActorRef<SubnetEntity.Command>> subnets = new ConcurrentHashMap<>();

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private ActorRef<AccountEntity.Command> account(String coldkey) {
    return spawned.computeIfAbsent(coldkey, c -> TEST_KIT.spawn(AccountEntity.create(c, accounts, RETRY)));
  }

  private ActorRef<SubnetEntity.Command> subnet(int netuid) {
    Settlements settle =
        epoch ->
            AskPattern.ask(
                settlements.computeIfAbsent(netuid, n -> TEST_KIT.spawn(SettlementEntity.create(n, accounts, RETRY))),
                replyTo -> new SettlementEntity.Settle(epoch, replyTo),
                TIMEOUT,
                TEST_KIT.scheduler());
    return subnets.computeIfAbsent(netuid, n -> TEST_KIT.spawn(SubnetEntity.create(n, accounts, settle, RETRY)));
  }

  private void fund(String coldkey, long rao) {
    TestProbe<StatusReply<AccountEntity.Balance>> funded = TEST_KIT.createTestProbe();
    account(coldkey).tell(new AccountEntity.Execute(new AccountCommand.CreditGenesis("genesis/" + coldkey, rao, 1), funded.getRef()));
    assertEquals(rao, funded.receiveMessage(TIMEOUT).getValue().free());
  }

  private AccountEntity.Balance balance(String coldkey) {
    TestProbe<AccountEntity.Balance> probe = TEST_KIT.createTestProbe();
    account(coldkey).tell(new AccountEntity.GetBalance(probe.getRef()));
    return probe.receiveMessage(TIMEOUT);
  }

  @Test
  void shouldMoveMoneyFromOneAccountToAnotherWithEveryMessageSerialized() {
    fund("alice-t", 1_000);
    TestProbe<StatusReply<AccountEntity.Balance>> done = TEST_KIT.createTestProbe();
    account("alice-t").tell(new AccountEntity.Execute(new AccountCommand.SendTransfer("tx-1", "bob-t", 300, 5), done.getRef()));

    assertEquals(700, done.receiveMessage(TIMEOUT).getValue().free());
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

  @Test
  void shouldAnswerTheBlockHeightWithItsStoredForm() {
    TestProbe<SubnetRegistryEntity.Command> ticks = TEST_KIT.createTestProbe();
    ActorRef<BlockClock.Command> clock =
        TEST_KIT.spawn(BlockClock.create(Duration.ofHours(1), ticks.getRef(), SubnetRegistryEntity.BlockTick::new));
    TestProbe<BlockProduced> height = TEST_KIT.createTestProbe();
    clock.tell(new BlockClock.GetHeight(height.getRef()));
    assertEquals(new BlockProduced(0, 0), height.receiveMessage(TIMEOUT));
  }

  @Test
  void shouldCreateJoinStakeOnAndServeASubnetWithEveryMessageSerialized() {
    fund("owner-n", 10 * TAO);
    fund("alice-n", 5 * TAO);
    ActorRef<SubnetRegistryEntity.Command> registry =
        TEST_KIT.spawn(
            SubnetRegistryEntity.create(
                RULES,
                accounts,
                (SubnetCreationStarted subnet, Long block) -> subnet(subnet.netuid()).tell(new SubnetEntity.Tick(block, subnet)),
                RETRY));

    TestProbe<StatusReply<Integer>> created = TEST_KIT.createTestProbe();
    registry.tell(new SubnetRegistryEntity.CreateSubnet("owner-n", "owner-n-hot", "lock-n", created.getRef()));
    int netuid = created.receiveMessage(TIMEOUT).getValue();
    registry.tell(new SubnetRegistryEntity.BlockTick(5));
    ActorRef<SubnetEntity.Command> subnet = subnet(netuid);
    TestProbe<Metagraph> view = TEST_KIT.createTestProbe();
    view.awaitAssert(
        TIMEOUT,
        () -> {
          subnet.tell(new SubnetEntity.GetMetagraph(view.getRef()));
          assertEquals("owner-n", view.receiveMessage().ownerColdkey(), "the first tick creates the subnet");
          return null;
        });

    TestProbe<StatusReply<Integer>> registered = TEST_KIT.createTestProbe();
    subnet.tell(new SubnetEntity.RegisterNeuron("alice-n-hot", "alice-n", "register-n", registered.getRef()));
    assertEquals(1, registered.receiveMessage(TIMEOUT).getValue());
    TestProbe<StatusReply<Done>> acked = TEST_KIT.createTestProbe();
    subnet.tell(new SubnetEntity.Stake("alice-n-hot", "alice-n", 2 * TAO, "stake-n", acked.getRef()));
    assertTrue(acked.receiveMessage(TIMEOUT).isSuccess());
    subnet.tell(new SubnetEntity.Execute(new SubnetCommand.ServeEndpoint("alice-n-hot", "10.0.0.7:8091", 5), acked.getRef()));
    assertTrue(acked.receiveMessage(TIMEOUT).isSuccess());

    subnet.tell(new SubnetEntity.GetMetagraph(view.getRef()));
    Metagraph.Row alice = view.receiveMessage(TIMEOUT).neurons().get(1);
    assertEquals("alice-n", alice.coldkey());
    assertEquals(2 * TAO, alice.stake());
    assertEquals("10.0.0.7:8091", alice.endpoint());
    assertEquals(2 * TAO, balance("alice-n").free(), "5 TAO less the 1 TAO burn and the 2 TAO staked");
    assertEquals(2 * TAO, balance("alice-n").stakes().get(new StakeKey("alice-n-hot", netuid)));
    TestProbe<SubnetRegistryEntity.Subnets> listed = TEST_KIT.createTestProbe();
    registry.tell(new SubnetRegistryEntity.ListSubnets(listed.getRef()));
    SubnetCreationStarted only = listed.receiveMessage(TIMEOUT).subnets().get(0);
    assertEquals(netuid, only.netuid());
    assertEquals(10 * TAO - only.lockCost(), balance("owner-n").free(), "the lock was paid once");
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
