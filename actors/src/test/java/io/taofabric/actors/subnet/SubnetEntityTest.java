package io.taofabric.actors.subnet;

import io.taofabric.actors.PersistentTestKit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.actors.ledger.InMemoryAccounts;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.emission.EmissionSchedule;
import io.taofabric.core.ledger.AccountCommand.CreditGenesis;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.Subnet;
import io.taofabric.core.subnet.SubnetCommand.ServeEndpoint;
import io.taofabric.core.subnet.SubnetCommand.SetHyperparameter;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;
import io.taofabric.core.subnet.SubnetHyperparameters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.JournalOperation;
import org.apache.pekko.persistence.testkit.ProcessingPolicy;
import org.apache.pekko.persistence.testkit.ProcessingSuccess;
import org.apache.pekko.persistence.testkit.ReadEvents;
import org.apache.pekko.persistence.testkit.SnapshotMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubnetEntityTest {
  @RegisterExtension static final PersistentTestKit KIT = new PersistentTestKit();
  private static final ActorTestKit TEST_KIT = KIT.kit();
  private static final long TAO = BlockEmission.RAO_PER_TAO;
  private static final int NETUID = 1;
  private static final long SHARE = EmissionSchedule.SHARE_SCALE / 4;
  private static final SubnetCreationStarted IDENTITY =
      new SubnetCreationStarted(NETUID, "owner-cold", "owner-hot", "lock-1", 100 * TAO, SHARE, 10);
  /** Subnet 1 with tempo 360 is due where (block + 2) % 361 == 0. */
  private static final long FIRST_EPOCH = 359;

  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final RecordingSettlements settlements = new RecordingSettlements();

  /** Settlements that record what they are handed and can refuse the next few. */
  private static final class RecordingSettlements implements Settlements {
    final List<EpochSettled> handed = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();

    @Override
    public CompletionStage<StatusReply<Done>> settle(EpochSettled epoch) {
      handed.add(epoch);
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return CompletableFuture.failedFuture(new IllegalStateException("journal unavailable"));
      }
      return CompletableFuture.completedFuture(StatusReply.ack());
    }
  }

  private ActorRef<SubnetEntity.Command> spawnCreated() {
    ActorRef<SubnetEntity.Command> subnet = spawn();
    subnet.tell(new SubnetEntity.Tick(11, IDENTITY));
    return subnet;
  }

  private ActorRef<SubnetEntity.Command> spawn() {
    return TEST_KIT.spawn(SubnetEntity.create(NETUID, accounts, settlements, Duration.ofMillis(50)));
  }

  private static Metagraph metagraph(ActorRef<SubnetEntity.Command> subnet) {
    TestProbe<Metagraph> probe = TEST_KIT.createTestProbe();
    subnet.tell(new SubnetEntity.GetMetagraph(probe.getRef()));
    return probe.receiveMessage();
  }

  private static StatusReply<Integer> register(ActorRef<SubnetEntity.Command> subnet, String hotkey, String coldkey, String key) {
    TestProbe<StatusReply<Integer>> probe = TEST_KIT.createTestProbe();
    subnet.tell(new SubnetEntity.RegisterNeuron(hotkey, coldkey, key, probe.getRef()));
    return probe.receiveMessage();
  }

  private static StatusReply<Done> stake(ActorRef<SubnetEntity.Command> subnet, String hotkey, String coldkey, long rao, String key) {
    TestProbe<StatusReply<Done>> probe = TEST_KIT.createTestProbe();
    subnet.tell(new SubnetEntity.Stake(hotkey, coldkey, rao, key, probe.getRef()));
    return probe.receiveMessage();
  }

  private static StatusReply<Done> execute(ActorRef<SubnetEntity.Command> subnet, SubnetCommand.Direct command) {
    TestProbe<StatusReply<Done>> probe = TEST_KIT.createTestProbe();
    subnet.tell(new SubnetEntity.Execute(command, probe.getRef()));
    return probe.receiveMessage();
  }

  private void fund(String coldkey, long rao) {
    accounts.execute(coldkey, new CreditGenesis("genesis-" + coldkey, rao, 0));
  }

  @Test
  void shouldCreateItselfOnTheFirstTickWithTheOwnerAtUidZero() {
    Metagraph m = metagraph(spawnCreated());
    assertEquals("owner-cold", m.ownerColdkey());
    assertEquals("owner-hot", m.neurons().get(0).hotkey());
  }

  @Test
  void shouldBurnOnceAndRegisterOnceUnderOneKey() {
    fund("alice", 5 * TAO);
    ActorRef<SubnetEntity.Command> subnet = spawnCreated();
    assertEquals(1, register(subnet, "miner-a", "alice", "reg-1").getValue());
    assertEquals(1, register(subnet, "miner-a", "alice", "reg-1").getValue(), "a retry answers the same UID");
    assertEquals(4 * TAO, accounts.account("alice").free(), "the 1 TAO burn was paid once");
    StatusReply<Integer> broke = register(subnet, "miner-b", "bob", "reg-2");
    assertTrue(broke.isError() && broke.getError().getMessage().startsWith("insufficient"), broke.toString());
    assertEquals(2, metagraph(subnet).neurons().size(), "a refused burn registers nothing");
  }

  @Test
  void shouldMoveStakeFromTheAccountIntoTheSubnet() {
    fund("alice", 5 * TAO);
    ActorRef<SubnetEntity.Command> subnet = spawnCreated();
    register(subnet, "validator", "alice", "reg-v");
    assertTrue(stake(subnet, "validator", "alice", 2 * TAO, "stake-1").isSuccess());
    assertTrue(stake(subnet, "validator", "alice", 2 * TAO, "stake-1").isSuccess(), "a retry");
    assertEquals(2 * TAO, accounts.account("alice").staked(new StakeKey("validator", NETUID)));
    assertEquals(2 * TAO, metagraph(subnet).neurons().get(1).stake());
    assertTrue(stake(subnet, "validator", "alice", 50 * TAO, "stake-2").isError(), "beyond the free balance");
    assertTrue(stake(subnet, "nobody", "alice", TAO, "stake-3").isError(), "an unknown hotkey");
    assertEquals(2 * TAO, accounts.account("alice").free());
  }

  @Test
  void shouldHoldAnEpochBackWhileAStakeMoveIsWithTheAccount() {
    fund("alice", 5 * TAO);
    ActorRef<SubnetEntity.Command> subnet = spawnCreated();
    register(subnet, "validator", "alice", "reg-v");
    TestProbe<StatusReply<Done>> staked = TEST_KIT.createTestProbe();
    subnet.tell(new SubnetEntity.Stake("validator", "alice", TAO, "stake-1", staked.getRef()));
    subnet.tell(new SubnetEntity.Tick(FIRST_EPOCH, IDENTITY)); // lands before the account's answer
    StatusReply<Done> reply = staked.receiveMessage();
    assertTrue(reply.isSuccess(), "the epoch must not make the checked step stale: " + reply);
    assertEquals(TAO, awaitEpochs(subnet, 1).neurons().get(1).stake() - firstEpochEmissionOf(1));
  }

  private long firstEpochEmissionOf(int uid) {
    return settlements.handed.get(0).emissions().stream().filter(e -> e.uid() == uid).mapToLong(e -> e.amount()).sum();
  }

  @Test
  void shouldAnswerItsHyperparametersAsTheOwnerSetThem() {
    ActorRef<SubnetEntity.Command> subnet = spawnCreated();
    assertTrue(execute(subnet, new SetHyperparameter("owner-cold", "tempo", "40", 11)).isSuccess());
    TestProbe<SubnetHyperparameters> probe = TEST_KIT.createTestProbe();
    subnet.tell(new SubnetEntity.GetHyperparameters(probe.getRef()));
    assertEquals(SubnetHyperparameters.DEFAULTS.with("tempo", 40), probe.receiveMessage());
  }

  @Test
  void shouldRefuseCommandsStampedWithAFutureBlock() {
    ActorRef<SubnetEntity.Command> subnet = spawnCreated();
    StatusReply<Done> reply = execute(subnet, new SetWeights("owner-hot", List.of(0), List.of(1), 500));
    assertTrue(reply.isError() && reply.getError().getMessage().contains("future"), reply.toString());
  }

  @Test
  void shouldRunEachDueEpochOnceAndHandItToTheLedgerInOrder() {
    fund("alice", 5 * TAO);
    ActorRef<SubnetEntity.Command> subnet = spawnCreated();
    register(subnet, "miner-a", "alice", "reg-1");
    subnet.tell(new SubnetEntity.Tick(FIRST_EPOCH - 1, IDENTITY));
    subnet.tell(new SubnetEntity.Tick(FIRST_EPOCH, IDENTITY));
    subnet.tell(new SubnetEntity.Tick(FIRST_EPOCH, IDENTITY));
    Metagraph m = awaitEpochs(subnet, 1);
    assertEquals(FIRST_EPOCH, m.block());
    EpochSettled first = settlements.handed.get(0);
    assertEquals(0, first.epoch());
    long owed = EmissionSchedule.subnetEmission(SHARE, IDENTITY.block(), FIRST_EPOCH);
    assertTrue(first.total() <= owed, first.total() + " of " + owed);
    assertEquals(1, settlements.handed.size(), "a repeated tick runs nothing");
  }

  @Test
  void shouldSkipAnEpochUntilThePreviousIsSettledAndHandItOverAgainAfterARestart() {
    settlements.failNext.set(1_000);
    ActorRef<SubnetEntity.Command> subnet = spawnCreated();
    subnet.tell(new SubnetEntity.Tick(FIRST_EPOCH, IDENTITY));
    awaitEpochs(subnet, 1);
    subnet.tell(new SubnetEntity.Tick(FIRST_EPOCH + 361, IDENTITY));
    assertEquals(1, metagraph(subnet).epochs(), "the next epoch waits for the ledger");
    TEST_KIT.stop(subnet);
    int before = settlements.handed.size();
    settlements.failNext.set(0);
    ActorRef<SubnetEntity.Command> restarted = spawn();
    TestProbe<Object> wait = TEST_KIT.createTestProbe();
    wait.awaitAssert(() -> {
      assertTrue(settlements.handed.size() > before, "the new owner hands the last epoch over again");
      return null;
    });
    assertEquals(0, settlements.handed.get(settlements.handed.size() - 1).epoch());
    restarted.tell(new SubnetEntity.Tick(FIRST_EPOCH + 2 * 361, IDENTITY));
    Metagraph m = awaitEpochs(restarted, 2);
    assertEquals(FIRST_EPOCH + 2 * 361, m.block());
    assertEquals(1, settlements.handed.get(settlements.handed.size() - 1).epoch(), "the next epoch follows in order");
  }

  @Test
  void shouldRecoverFromItsSnapshotWithTheSameMetagraph() {
    fund("alice", 5 * TAO);
    ActorRef<SubnetEntity.Command> subnet = spawnCreated();
    register(subnet, "validator", "alice", "reg-v");
    stake(subnet, "validator", "alice", 2 * TAO, "stake-1");
    subnet.tell(new SubnetEntity.Tick(FIRST_EPOCH, IDENTITY));
    awaitEpochs(subnet, 1);
    int events = SubnetEntity.SNAPSHOT_EVERY + 20;
    TestProbe<StatusReply<Done>> served = TEST_KIT.createTestProbe();
    for (int i = 4; i < events; i++) { // creation, registration, stake and the epoch were the first four
      subnet.tell(new SubnetEntity.Execute(new ServeEndpoint("validator", "10.0.0.1:" + (8000 + i), FIRST_EPOCH), served.getRef()));
    }
    served.receiveSeveralMessages(events - 4).forEach(reply -> assertTrue(reply.isSuccess(), reply.toString()));
    Metagraph before = metagraph(subnet);
    TEST_KIT.stop(subnet);

    String persistenceId = SubnetEntity.TYPE + "|" + NETUID;
    List<Pair<SnapshotMeta, Object>> stored = KIT.snapshots().persistedInStorage(persistenceId);
    assertEquals(1, stored.size());
    assertEquals(SubnetEntity.SNAPSHOT_EVERY, stored.get(0).first().getSequenceNr());
    assertInstanceOf(Subnet.Snapshot.class, stored.get(0).second());
    AtomicInteger replayed = new AtomicInteger();
    KIT.journal().withPolicy(countingReplays(replayed));
    try {
      assertEquals(before, metagraph(spawn()));
      assertEquals(events - SubnetEntity.SNAPSHOT_EVERY, replayed.get(), "only the events after the snapshot are replayed");
    } finally {
      KIT.journal().resetPolicy();
    }
  }

  /** A journal policy that lets every operation through and counts the events replayed. */
  private static ProcessingPolicy<JournalOperation> countingReplays(AtomicInteger replayed) {
    return (persistenceId, operation) -> {
      if (operation instanceof ReadEvents read) {
        replayed.addAndGet(read.getBatch().size());
      }
      return ProcessingSuccess.getInstance();
    };
  }

  private static Metagraph awaitEpochs(ActorRef<SubnetEntity.Command> subnet, long epochs) {
    TestProbe<Object> wait = TEST_KIT.createTestProbe();
    return wait.awaitAssert(() -> {
      Metagraph m = metagraph(subnet);
      assertEquals(epochs, m.epochs());
      return m;
    });
  }
}
