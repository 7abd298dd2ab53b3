package io.taofabric.persistence.ledger;

import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.LedgerReplay;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.SettlementEvent;
import io.taofabric.persistence.readmodel.BalanceReadModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The ledger as journals: which persistence ids hold it, and a replay of them into balances with
 * the invariants checked ({@link LedgerReplay}).
 */
public final class LedgerJournal {
  /** Entity type of coldkey accounts; their persistence ids are {@code Account|<coldkey>}. */
  public static final String ACCOUNT = "Account";

  /** Entity type of subnet settlement records; ids are {@code Settlement|<netuid>}. */
  public static final String SETTLEMENT = "Settlement";

  /** Entity type of transfer sagas ({@code Transfer|<id>}): they move no money themselves. */
  public static final String TRANSFER = "Transfer";

  private static final String SEPARATOR = "|";
  private static final int PARALLEL_JOURNALS = 8;

  private LedgerJournal() {}

  /**
   * Replays every ledger journal found in {@code persistenceIds}, each in its own order, up to
   * {@code toBlock}. Other entities' journals are skipped.
   */
  public static CompletionStage<LedgerSummary> replay(
      Source<String, NotUsed> persistenceIds,
      Function<String, Source<EventEnvelope, NotUsed>> eventsOf,
      long toBlock,
      ActorSystem<?> system) {
    LedgerReplay replay = new LedgerReplay(toBlock);
    return persistenceIds
        .filter(LedgerJournal::isLedger)
        .flatMapMerge(PARALLEL_JOURNALS, eventsOf::apply)
        .runForeach(envelope -> fold(replay, envelope.persistenceId(), envelope.event()), system)
        .thenApply(done -> replay.finish());
  }

  /**
   * Replays the ledger stored in the Cassandra journal at {@code store}, in one scan of the
   * journal table (see {@link JournalScan}); runs on a thread of its own.
   */
  public static CompletionStage<LedgerSummary> replayCassandra(
      LedgerStoreSettings store, ActorSystem<?> system, long toBlock) {
    return CompletableFuture.supplyAsync(
        () -> {
          LedgerReplay replay = new LedgerReplay(toBlock);
          JournalScan.scan(
              store,
              system,
              (pid, event) -> {
                if (isLedger(pid)) {
                  fold(replay, pid, event);
                }
              });
          return replay.finish();
        });
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

  private static boolean isLedger(String persistenceId) {
    return persistenceId.startsWith(ACCOUNT + SEPARATOR) || persistenceId.startsWith(SETTLEMENT + SEPARATOR);
  }

  private static void fold(LedgerReplay replay, String persistenceId, Object event) {
    if (event instanceof AccountEvent e) {
      replay.account(persistenceId.substring(ACCOUNT.length() + SEPARATOR.length()), e);
    } else if (event instanceof SettlementEvent e) {
      replay.settlement(e);
    } else {
      throw new IllegalStateException(
          "journal " + persistenceId + " holds " + event.getClass().getName() + ", not a ledger event");
    }
  }
}
