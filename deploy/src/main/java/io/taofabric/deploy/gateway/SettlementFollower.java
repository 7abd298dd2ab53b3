package io.taofabric.deploy.gateway;

import io.taofabric.core.ledger.SettlementEvent;
import io.taofabric.persistence.ledger.LedgerJournal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * The gateway's read model of epoch history: per subnet, an {@link EpochHistory} folded from the
 * subnet's settlement journal ({@code Settlement|<netuid>}) through the configured read journal,
 * each catch-up reading only what was written since the last. The journal is the ledger's own
 * record of what every epoch paid, so the history is what was paid, not a recomputation. Catch-ups
 * of one subnet run one after the other; every change folded in is handed to the metrics.
 */
final class SettlementFollower {
  /** How many epochs per subnet the history keeps. */
  static final int EPOCHS_KEPT = 1_000;

  private final ActorSystem<?> system;
  private final CurrentEventsByPersistenceIdQuery journal;
  private final GatewayMetrics metrics;
  private final long startedAtMillis;
  private final Map<Integer, Followed> subnets = new ConcurrentHashMap<>();

  /** One subnet's history and the catch-up the next one waits for. */
  private static final class Followed {
    private final EpochHistory history = new EpochHistory(EPOCHS_KEPT);
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  }

  /** Follows through the read journal {@code readJournal} of {@code system}; metrics count from {@code startedAtMillis}. */
  SettlementFollower(ActorSystem<?> system, String readJournal, GatewayMetrics metrics, long startedAtMillis) {
    this.system = system;
    this.journal = PersistenceQuery.get(system).getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournal);
    this.metrics = metrics;
    this.startedAtMillis = startedAtMillis;
  }

  /** Subnet {@code netuid}'s newest {@code limit} settled epochs, newest first, after catching up. */
  CompletionStage<List<EpochHistory.Epoch>> latest(int netuid, int limit) {
    Followed followed = followed(netuid);
    return catchUp(netuid, followed).thenApply(done -> {
      synchronized (followed.history) {
        return followed.history.latest(limit);
      }
    });
  }

  /**
   * Catches subnet {@code netuid} up and reports its settlement to the metrics: {@code epochsRun}
   * (the subnet's own count) against the epochs its record stored.
   */
  CompletionStage<Void> observe(int netuid, long epochsRun) {
    Followed followed = followed(netuid);
    return catchUp(netuid, followed).thenRun(() -> {
      synchronized (followed.history) {
        List<EpochHistory.Epoch> last = followed.history.latest(1);
        long settled = last.isEmpty() ? 0 : last.get(0).epoch() + 1;
        metrics.settlement(netuid, Math.max(0, epochsRun - settled), followed.history.uncredited());
      }
    });
  }

  private Followed followed(int netuid) {
    return subnets.computeIfAbsent(netuid, n -> new Followed());
  }

  private CompletionStage<Void> catchUp(int netuid, Followed followed) {
    synchronized (followed) {
      // a failed catch-up leaves the history where it was; the next one starts from there
      followed.tail = followed.tail.exceptionally(failure -> null).thenCompose(done -> read(netuid, followed));
      return followed.tail;
    }
  }

  private CompletableFuture<Void> read(int netuid, Followed followed) {
    String persistenceId = PersistenceId.of(LedgerJournal.SETTLEMENT, Integer.toString(netuid)).id();
    long from;
    synchronized (followed.history) {
      from = followed.history.sequenceNr() + 1;
    }
    return journal
        .currentEventsByPersistenceId(persistenceId, from, Long.MAX_VALUE)
        .runForeach(envelope -> fold(followed.history, envelope), system)
        .thenApply(done -> (Void) null)
        .toCompletableFuture();
  }

  private void fold(EpochHistory history, EventEnvelope envelope) {
    EpochHistory.Change change;
    synchronized (history) {
      change = history.fold(envelope.sequenceNr(), envelope.timestamp(), (SettlementEvent) envelope.event());
    }
    // only what happened since the gateway started, between two times the journal recorded
    if (change instanceof EpochHistory.Settled s
        && s.previous() != null
        && s.previous().settledAtMillis() != EpochHistory.UNKNOWN
        && s.epoch().settledAtMillis() >= startedAtMillis) {
      metrics.epochInterval(s.epoch().settledAtMillis() - s.previous().settledAtMillis());
    } else if (change instanceof EpochHistory.Credited c
        && c.epoch().settledAtMillis() != EpochHistory.UNKNOWN
        && c.epoch().creditedAtMillis() >= startedAtMillis) {
      metrics.creditTime(c.epoch().creditedAtMillis() - c.epoch().settledAtMillis());
    }
  }
}
