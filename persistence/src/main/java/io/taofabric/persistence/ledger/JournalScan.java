package io.taofabric.persistence.ledger;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;

/**
 * Reads every event of the Cassandra journal in one pass over its {@code messages} table, in the
 * table's own order: journal partitions in token order, each partition's events by sequence
 * number. A query per journal costs a round trip per account, which for an audit of the whole
 * ledger is most of the time; one scan costs about what reading the rows costs.
 *
 * <p>The table's layout is pekko-persistence-cassandra's (1.x) and the events decode with the
 * system's serializers, exactly as the plugin decodes them. A journal longer than one partition
 * (500,000 events by default) would arrive in partition-token order, so an event out of sequence
 * is an error rather than a silent misorder.
 */
final class JournalScan {
  private static final int PAGE_SIZE = 5_000;

  private JournalScan() {}

  /**
   * Hands every event of the journals {@code wanted} accepts to {@code sink} with its persistence
   * id, each journal in sequence; other journals' rows are not decoded (the keyspace also holds the
   * network's journals, and ones of entity types that no longer exist). The next page is
   * requested before the current one is decoded, so the node reads while this decodes.
   */
  static void scan(LedgerStoreSettings store, ActorSystem<?> system, Predicate<String> wanted, BiConsumer<String, Object> sink) {
    Serialization serialization = SerializationExtension.get(system.classicSystem());
    Map<String, Long> lastSequence = new HashMap<>();
    try (CqlSession session = store.openSession()) {
      SimpleStatement select =
          SimpleStatement.newInstance(
                  "SELECT persistence_id, sequence_nr, ser_id, ser_manifest, event FROM " + store.keyspace() + ".messages")
              .setPageSize(PAGE_SIZE);
      AsyncResultSet page = await(session.executeAsync(select));
      while (page != null) {
        CompletionStage<AsyncResultSet> next = page.hasMorePages() ? page.fetchNextPage() : null;
        for (Row row : page.currentPage()) {
          String pid = row.getString(0);
          if (!wanted.test(pid)) {
            continue;
          }
          long sequence = row.getLong(1);
          Long previous = lastSequence.put(pid, sequence);
          if (previous != null && sequence <= previous) {
            throw new IllegalStateException(
                "journal " + pid + " arrived out of sequence (" + sequence + " after " + previous + ")");
          }
          ByteBuffer bytes = row.getByteBuffer(4);
          byte[] payload = new byte[bytes.remaining()];
          bytes.get(payload);
          Object event = serialization.deserialize(payload, row.getInt(2), row.getString(3)).get();
          sink.accept(pid, event);
        }
        page = next == null ? null : await(next);
      }
    }
  }

  private static AsyncResultSet await(CompletionStage<AsyncResultSet> page) {
    try {
      return page.toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the journal scan was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }
}
