package io.taofabric.persistence.ledger;

import io.taofabric.core.ledger.LedgerSummary;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.apache.pekko.stream.javadsl.Source;

/** Replays journals of the persistence testkit's in-memory journal through {@link LedgerFold}. */
public final class InMemoryLedger {
  private InMemoryLedger() {}

  /** The ledger of journals {@code ids}, each read in order, up to {@code toBlock}. */
  public static LedgerSummary replay(ActorSystem<?> system, List<String> ids, long toBlock) throws Exception {
    PersistenceTestKitReadJournal queries =
        PersistenceQuery.get(system)
            .getReadJournalFor(PersistenceTestKitReadJournal.class, PersistenceTestKitReadJournal.Identifier());
    LedgerFold fold = new LedgerFold(toBlock);
    Source.from(ids)
        .flatMapConcat(id -> queries.currentEventsByPersistenceId(id, 0, Long.MAX_VALUE))
        .runForeach(envelope -> fold.accept(envelope.persistenceId(), envelope.event()), system)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return fold.finish();
  }
}
