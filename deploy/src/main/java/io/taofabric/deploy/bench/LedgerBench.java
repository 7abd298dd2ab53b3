package io.taofabric.deploy.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;
import io.taofabric.deploy.ledger.LedgerNode;
import io.taofabric.deploy.ledger.ScenarioSettlement;
import io.taofabric.persistence.ledger.LedgerJournal;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.pattern.StatusReply;

/**
 * The ledger's costs on a real Cassandra node, each beside a baseline from the same run: the same
 * number of rows written (and read) with the plain driver, which is the floor any journal on that
 * node pays. Every subnet's UIDs are paid to coldkeys of their own, the worst case for accounts.
 */
final class LedgerBench {
  private static final Duration CREDITS = Duration.ofMinutes(10);
  private static final int IN_FLIGHT = 256;

  /** One measured figure with its baseline. */
  record Figure(String what, double seconds, long operations, double baselineSeconds) {
    double ratio() {
      return seconds / baselineSeconds;
    }
  }

  private final LedgerStoreSettings store;
  private final int uids;

  LedgerBench(LedgerStoreSettings store, int uids) {
    this.store = store;
    this.uids = uids;
  }

  /** Settles one epoch of one subnet, credits confirmed. */
  Figure oneEpoch(LedgerNode node, int netuid) throws Exception {
    List<EpochSettled> epoch = List.of(epoch(netuid, 0));
    long start = System.nanoTime();
    ScenarioSettlement.settle(node.ledger(), netuid, epoch, CREDITS);
    double seconds = seconds(start);
    return new Figure("settle 1 subnet x " + uids + " UIDs", seconds, uids, rawWrites(uids + 1));
  }

  /**
   * Settles epoch {@code epoch} of each of {@code subnets} subnets, all due in the same block. The
   * first round meets every account for the first time (each is recovered from the journal before
   * it is credited); later rounds find them live, as a running network does.
   */
  Figure network(LedgerNode node, int firstNetuid, int subnets, long epoch) throws Exception {
    long start = System.nanoTime();
    List<CompletableFuture<StatusReply<Done>>> settled = new ArrayList<>();
    for (int s = 0; s < subnets; s++) {
      EpochSettled e = epoch(firstNetuid + s, epoch);
      CompletionStage<StatusReply<Done>> ack =
          node.ledger().settlement(e.netuid()).ask(r -> new SettlementEntity.Settle(e, r), Duration.ofMinutes(2));
      settled.add(ack.toCompletableFuture());
    }
    for (CompletableFuture<StatusReply<Done>> ack : settled) {
      if (ack.get(2, TimeUnit.MINUTES).isError()) {
        throw new IllegalStateException("an epoch was refused: " + ack.get().getError().getMessage());
      }
    }
    for (int s = 0; s < subnets; s++) {
      ScenarioSettlement.awaitCredited(node.ledger(), firstNetuid + s, CREDITS);
    }
    double seconds = seconds(start);
    long credits = (long) subnets * uids;
    String round = epoch == 0 ? "new accounts" : "live accounts";
    return new Figure(
        "settle " + subnets + " subnets x " + uids + " UIDs in one block (" + round + ")",
        seconds,
        credits,
        rawWrites(credits + subnets));
  }

  /** Replays the whole ledger journal. */
  Figure replay(LedgerNode node) throws Exception {
    long start = System.nanoTime();
    LedgerSummary summary =
        LedgerJournal.replayCassandra(store, node.system(), Long.MAX_VALUE).toCompletableFuture().get(30, TimeUnit.MINUTES);
    double seconds = seconds(start);
    if (!summary.invariantsHold()) {
      throw new IllegalStateException(summary.line());
    }
    return new Figure("replay " + summary.events() + " events", seconds, summary.events(), rawReads(summary.events()));
  }

  private EpochSettled epoch(int netuid, long epoch) {
    List<UidEmission> paid = new ArrayList<>(uids);
    for (int uid = 0; uid < uids; uid++) {
      String hotkey = "bench-" + netuid + "-" + uid;
      paid.add(new UidEmission(uid, hotkey, ScenarioSettlement.coldkeyOf(hotkey), 1_000_000L + uid));
    }
    return new EpochSettled(netuid, epoch, 360 * (epoch + 1), paid);
  }

  /** Seconds to write {@code rows} journal-sized rows with the driver, {@value #IN_FLIGHT} in flight. */
  private double rawWrites(long rows) throws Exception {
    try (CqlSession session = store.openSession()) {
      session.execute(
          "CREATE TABLE IF NOT EXISTS " + store.keyspace() + ".bench_rows (pid text, seq bigint, payload blob, PRIMARY KEY (pid, seq))");
      PreparedStatement insert =
          session.prepare("INSERT INTO " + store.keyspace() + ".bench_rows (pid, seq, payload) VALUES (?, ?, ?)");
      ByteBuffer payload = ByteBuffer.wrap(new byte[64]);
      Semaphore window = new Semaphore(IN_FLIGHT);
      long start = System.nanoTime();
      String run = Long.toString(System.nanoTime(), 36);
      for (long i = 0; i < rows; i++) {
        window.acquire();
        session.executeAsync(insert.bind(run + "-" + i, 1L, payload)).whenComplete((r, e) -> window.release());
      }
      window.acquire(IN_FLIGHT);
      return seconds(start);
    }
  }

  /** Seconds to read {@code rows} rows back with the driver, one partition at a time. */
  private double rawReads(long rows) throws Exception {
    try (CqlSession session = store.openSession()) {
      long start = System.nanoTime();
      long read = 0;
      for (var row : session.execute("SELECT pid, seq, payload FROM " + store.keyspace() + ".bench_rows")) {
        if (row.getLong(1) > 0 && ++read >= rows) {
          break;
        }
      }
      return seconds(start);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
