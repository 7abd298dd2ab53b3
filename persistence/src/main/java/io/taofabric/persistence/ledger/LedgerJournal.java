package io.taofabric.persistence.ledger;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.persistence.readmodel.BalanceReadModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;

/**
 * The ledger as journals: which persistence ids hold it, a replay of them into balances with the
 * invariants checked ({@link LedgerFold}), and the read model's catch-up.
 */
public final class LedgerJournal {
  /** Entity type of coldkey accounts; their persistence ids are {@code Account|<coldkey>}. */
  public static final String ACCOUNT = "Account";

  /** Entity type of subnet settlement records; ids are {@code Settlement|<netuid>}. */
  public static final String SETTLEMENT = "Settlement";

  /** A small node flushes and snapshots a keyspace's tables before it drops them: seconds, not the driver's 2 s. */
  private static final Duration SCHEMA_CHANGE_TIMEOUT = Duration.ofMinutes(1);


  private LedgerJournal() {}

  /**
   * Replays the ledger stored in the Cassandra journal at {@code store}, in one scan of the
   * journal table (see {@link JournalScan}) that decodes only the ledger's journals; runs on a
   * thread of its own.
   */
  public static CompletionStage<LedgerSummary> replayCassandra(
      LedgerStoreSettings store, ActorSystem<?> system, long toBlock) {
    return CompletableFuture.supplyAsync(
        () -> {
          LedgerFold fold = new LedgerFold(toBlock);
          JournalScan.scan(store, system, LedgerFold::isLedgerJournal, fold::accept);
          return fold.finish();
        });
  }

  /**
   * Drops the keyspaces of the journal at {@code store}, its events and its snapshots, if they
   * exist: a network started on it afterwards starts from nothing. Cassandra keeps a snapshot of
   * dropped tables on disk unless its {@code auto_snapshot} is off.
   */
  public static void drop(LedgerStoreSettings store) {
    try (CqlSession session = store.openSession()) {
      for (String keyspace : List.of(store.keyspace(), store.snapshotKeyspace())) {
        session.execute(SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + keyspace).setTimeout(SCHEMA_CHANGE_TIMEOUT));
      }
    }
  }

  /**
   * Brings {@code model} up to date from the Cassandra journal {@code system} is configured with,
   * each account journal from the model's stored offset on; completes with the events applied.
   */
  public static CompletionStage<Long> catchUpCassandra(BalanceReadModel model, ActorSystem<?> system) {
    CassandraReadJournal journal = cassandra(system);
    return model.catchUp(
        journal.currentPersistenceIds(), (pid, from) -> journal.currentEventsByPersistenceId(pid, from, Long.MAX_VALUE), system);
  }

  private static CassandraReadJournal cassandra(ActorSystem<?> system) {
    return PersistenceQuery.get(system).getReadJournalFor(CassandraReadJournal.class, CassandraReadJournal.Identifier());
  }
}
