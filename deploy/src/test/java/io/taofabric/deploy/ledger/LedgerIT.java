package io.taofabric.deploy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;
import io.taofabric.deploy.epoch.EpochJsonReader;
import io.taofabric.persistence.cassandra.CassandraSettings;
import io.taofabric.persistence.cassandra.LocalCassandra;
import io.taofabric.persistence.ledger.LedgerJournal;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import io.taofabric.persistence.readmodel.BalanceReadModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.pattern.StatusReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on the build's real Cassandra node (failsafe; the node is started by the build):
 * epochs settled through sharded entities, a node killed while credits are in flight, Cassandra
 * down at write time and restarted, a transfer asked for twice, and the replay's checksum
 * unchanged through all of it.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerIT {
  private static final int NETUID = 7;
  private static final int PORT = Integer.getInteger("taofabric.it.cassandra.port", 19042);
  /** A keyspace of this run's own: the node's data outlives a build that does not clean. */
  private static final LedgerStoreSettings STORE =
      new LedgerStoreSettings(
          List.of("127.0.0.1:" + PORT),
          "datacenter1",
          "ledger_it_" + Long.toString(System.currentTimeMillis(), 36),
          1,
          true);
  private static List<EpochSettled> epochs;
  private static String checksum;

  @BeforeAll
  static void scenario() throws Exception {
    String json =
        """
        {"n_max": 6, "params": {"tempo": 10, "max_allowed_validators": 2}, "steps": [
          {"op": "register", "hotkey": "v0", "block": 1}, {"op": "register", "hotkey": "v1", "block": 1},
          {"op": "register", "hotkey": "m0", "block": 1}, {"op": "register", "hotkey": "m1", "block": 1},
          {"op": "register", "hotkey": "m2", "block": 1},
          {"op": "add_stake", "uid": 0, "amount": 600000000000}, {"op": "add_stake", "uid": 1, "amount": 400000000000},
          {"op": "epoch", "block": 10, "rao": 8200000000},
          {"op": "set_weights", "uid": 0, "dests": [2, 3, 4], "values": [60, 30, 10], "block": 15},
          {"op": "set_weights", "uid": 1, "dests": [2, 3, 4], "values": [50, 40, 10], "block": 15},
          {"op": "epoch", "block": 20, "rao": 8200000000}, {"op": "epoch", "block": 30, "rao": 8200000000},
          {"op": "epoch", "block": 40, "rao": 8200000000}, {"op": "epoch", "block": 50, "rao": 8200000000}
        ]}""";
    epochs =
        ScenarioSettlement.epochs(
            EpochJsonReader.readScenario(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)), NETUID);
    assertEquals(5, epochs.size());
  }

  private static LedgerNode node() throws Exception {
    return LedgerNode.start(STORE, ConfigFactory.load());
  }

  private static LedgerSummary replay() throws Exception {
    try (LedgerNode node = node()) {
      return LedgerJournal.replayCassandra(STORE, node.system(), Long.MAX_VALUE).toCompletableFuture().get(2, TimeUnit.MINUTES);
    }
  }

  private static long total(List<EpochSettled> settled) {
    return settled.stream().mapToLong(EpochSettled::total).sum();
  }

  @Test
  @Order(1)
  void shouldPayEveryEpochExactlyOnceThoughANodeDiesWithCreditsInFlight() throws Exception {
    try (LedgerNode first = node()) {
      ScenarioSettlement.settle(first.ledger(), NETUID, epochs.subList(0, 2), Duration.ofMinutes(2));
      // the third epoch is persisted, and the node goes down before its credits are confirmed
      StatusReply<Done> reply =
          first
              .ledger()
              .settlement(NETUID)
              .<StatusReply<Done>>ask(r -> new SettlementEntity.Settle(epochs.get(2), r), Duration.ofSeconds(30))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      assertTrue(reply.isSuccess());
    }
    try (LedgerNode second = node()) {
      // a retry of everything: settled epochs are acknowledged, unconfirmed credits resent, once
      ScenarioSettlement.settle(second.ledger(), NETUID, epochs, Duration.ofMinutes(2));
    }
    LedgerSummary summary = replay();
    assertTrue(summary.invariantsHold(), summary.violations().toString());
    assertEquals(total(epochs), summary.issuance());
    assertEquals(summary.issuance(), summary.held());
    assertEquals(0, summary.inFlight());
    Map<String, Long> expected = new HashMap<>();
    for (EpochSettled e : epochs) {
      for (UidEmission u : e.emissions()) {
        expected.merge(u.coldkey(), u.amount(), Long::sum);
      }
    }
    expected.forEach((coldkey, rao) -> assertEquals(rao, summary.accounts().get(coldkey).staked(), coldkey));
    checksum = summary.line();
  }

  @Test
  @Order(2)
  void shouldRefuseWritesWhileCassandraIsDownAndResumeWhenItReturns() throws Exception {
    LocalCassandra cassandra = new LocalCassandra(itNode());
    EpochSettled extra =
        new EpochSettled(NETUID, 5, 60, List.of(new UidEmission(2, "m0", ScenarioSettlement.coldkeyOf("m0"), 1_000_000)));
    try (LedgerNode node = node()) {
      cassandra.stop();
      try {
        assertThrows(
            Exception.class,
            () -> ScenarioSettlement.settle(node.ledger(), NETUID, List.of(extra), Duration.ofSeconds(20)),
            "a write to a stopped Cassandra fails");
      } finally {
        cassandra.start();
      }
    }
    LedgerSummary afterOutage = replay();
    assertTrue(afterOutage.invariantsHold(), afterOutage.violations().toString());
    long settledExtra = afterOutage.issuance() - total(epochs);
    assertTrue(settledExtra == 0 || settledExtra == extra.total(), "all of the epoch or none of it: " + settledExtra);
    try (LedgerNode node = node()) {
      ScenarioSettlement.settle(node.ledger(), NETUID, List.of(extra), Duration.ofMinutes(2));
    }
    LedgerSummary resumed = replay();
    assertTrue(resumed.invariantsHold(), resumed.violations().toString());
    assertEquals(total(epochs) + extra.total(), resumed.issuance());
    assertEquals(resumed.issuance(), resumed.held());
  }

  @Test
  @Order(3)
  void shouldMoveATransferOnceThoughItIsAskedForTwice() throws Exception {
    String from = ScenarioSettlement.coldkeyOf("v0");
    String to = "a-fresh-coldkey";
    long before = replay().accounts().get(from).staked();
    try (LedgerNode node = node()) {
      StatusReply<AccountEntity.Balance> unstaked =
          node.ledger()
              .account(from)
              .<StatusReply<AccountEntity.Balance>>ask(
                  r -> new AccountEntity.Execute(new AccountCommand.RemoveStake("unstake-1", "v0", NETUID, 1_000, 70), r),
                  Duration.ofSeconds(30))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      assertTrue(unstaked.isSuccess(), String.valueOf(unstaked));
      AccountCommand.SendTransfer transfer = new AccountCommand.SendTransfer("it-transfer-1", to, 600, 71);
      for (int attempt = 0; attempt < 2; attempt++) {
        StatusReply<AccountEntity.Balance> done =
            node.ledger()
                .account(from)
                .<StatusReply<AccountEntity.Balance>>ask(r -> new AccountEntity.Execute(transfer, r), Duration.ofSeconds(30))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(400, done.getValue().free(), "answered once the receiver has it, the repeat too");
      }
    }
    LedgerSummary s = replay();
    assertTrue(s.invariantsHold(), s.violations().toString());
    assertEquals(before - 1_000, s.accounts().get(from).staked());
    assertEquals(400, s.accounts().get(from).free());
    assertEquals(600, s.accounts().get(to).free());
    assertEquals(0, s.inFlight());
  }

  @Test
  @Order(4)
  void shouldKeepTheReadModelEqualToTheReplayAcrossARestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("balances.cmap");
    LedgerSummary replayed = replay();
    try (LedgerNode node = node()) {
      try (BalanceReadModel model = BalanceReadModel.open(file, 10_000)) {
        long applied = LedgerJournal.catchUpCassandra(model, node.system()).toCompletableFuture().get(2, TimeUnit.MINUTES);
        assertTrue(applied > 0);
        replayed.accounts().forEach((coldkey, balance) -> assertEquals(balance, model.balance(coldkey), coldkey));
      }
      try (BalanceReadModel reopened = BalanceReadModel.open(file, 10_000)) {
        assertEquals(0, LedgerJournal.catchUpCassandra(reopened, node.system()).toCompletableFuture().get(2, TimeUnit.MINUTES));
        replayed.accounts().forEach((coldkey, balance) -> assertEquals(balance, reopened.balance(coldkey), coldkey));
      }
    }
  }

  @Test
  @Order(5)
  void shouldReplayToTheSameChecksumEveryTime() throws Exception {
    String first = replay().line();
    assertEquals(first, replay().line());
    assertTrue(first.endsWith("invariants OK"), first);
    assertTrue(checksum != null && !checksum.equals(first), "the outage test's epoch changed the balances");
  }

  private static CassandraSettings itNode() {
    return CassandraSettings.load()
        .withBaseDir(Path.of(System.getProperty("taofabric.it.cassandra.dir", "target/it-cassandra")))
        .withCqlPort(PORT)
        .withStoragePort(Integer.getInteger("taofabric.it.cassandra.storage-port", 17000))
        .withHeap(System.getProperty("taofabric.it.cassandra.heap", "384m"))
        .withLibDir(Path.of(System.getProperty("taofabric.it.cassandra.lib", "../persistence/cassandra-server/target/lib")));
  }
}
