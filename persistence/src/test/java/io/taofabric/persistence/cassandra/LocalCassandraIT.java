package io.taofabric.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The build's Cassandra node, reached with the DataStax driver and through the launcher. */
@Timeout(120)
class LocalCassandraIT {
  private static final String KEYSPACE = "taofabric_it_local_cassandra";

  private static CqlSession session;

  @BeforeAll
  static void connect() {
    ItNode.requireRunning();
    session =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(ItNode.HOST, ItNode.CQL_PORT))
            .withLocalDatacenter(ItNode.DATACENTER)
            .build();
    session.execute(
        "CREATE KEYSPACE IF NOT EXISTS "
            + KEYSPACE
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute(
        "CREATE TABLE IF NOT EXISTS "
            + KEYSPACE
            + ".rows (id uuid PRIMARY KEY, note text, rao bigint, at timestamp)");
  }

  @AfterAll
  static void disconnect() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void shouldBeTheCassandraVersionThePomPins() {
    Row local = session.execute("SELECT release_version FROM system.local").one();

    assertEquals("5.0.9", local.getString("release_version"));
  }

  @Test
  void shouldReadBackARowItWrote() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-01-02T03:04:05.678Z");

    session.execute(
        SimpleStatement.newInstance(
            "INSERT INTO " + KEYSPACE + ".rows (id, note, rao, at) VALUES (?, ?, ?, ?)",
            id,
            "hello, ledger",
            1_000_000_000_000_000L,
            at));
    Row row =
        session
            .execute(
                SimpleStatement.newInstance(
                    "SELECT note, rao, at FROM " + KEYSPACE + ".rows WHERE id = ?", id))
            .one();

    assertEquals("hello, ledger", row.getString("note"));
    assertEquals(1_000_000_000_000_000L, row.getLong("rao"));
    assertEquals(at, row.getInstant("at"));
  }

  @Test
  void shouldReportTheBuildsNodeAsAlreadyRunning() {
    // default ports: a running node is described by its own cassandra.yaml
    LocalCassandra node =
        new LocalCassandra(CassandraSettings.load().withBaseDir(ItNode.DIR).withLibDir(ItNode.LIB));

    LocalCassandra.Status status = node.status();
    LocalCassandra.Started again = node.start();

    assertTrue(status.running() && status.cqlAccepting(), status.describe());
    assertEquals(ItNode.CQL_PORT, status.cqlPort());
    assertTrue(again.alreadyRunning(), again.describe());
    assertEquals(status.pid(), again.status().pid());
  }
}
