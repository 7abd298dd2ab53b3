package io.taofabric.persistence.ledger;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Where the ledger's journal lives, from {@code taofabric.ledger} (read once). {@link
 * #pekkoConfig()} turns it into the Pekko Persistence Cassandra settings a node runs with.
 *
 * @param contactPoints the ring's {@code host:port} contact points
 * @param datacenter the local datacenter's name
 * @param keyspace the journal's keyspace; snapshots use {@code <keyspace>_snapshot}
 * @param replicationFactor replication of keyspaces the plugin creates
 * @param schemaAutocreate whether the plugin creates keyspaces and tables on first use
 */
public record LedgerStoreSettings(
    List<String> contactPoints, String datacenter, String keyspace, int replicationFactor, boolean schemaAutocreate) {
  private static final int CLOSE_QUIET_MILLIS = 50;
  private static final int CLOSE_TIMEOUT_MILLIS = 15_000;

  /** Validates the values. */
  public LedgerStoreSettings {
    contactPoints = List.copyOf(contactPoints);
    if (contactPoints.isEmpty()) {
      throw new IllegalArgumentException("taofabric.ledger.contact-points is empty");
    }
    for (String point : contactPoints) {
      if (!point.matches("[^:\\s]+:\\d{1,5}")) {
        throw new IllegalArgumentException("contact point must be host:port, got \"" + point + "\"");
      }
    }
    if (!keyspace.matches("[a-z][a-z0-9_]{0,40}")) {
      throw new IllegalArgumentException("keyspace must be lower-case letters, digits and _, got \"" + keyspace + "\"");
    }
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
    }
  }

  /** The settings under {@code taofabric.ledger} of {@code root}. */
  public static LedgerStoreSettings from(Config root) {
    Config c = root.getConfig("taofabric.ledger");
    return new LedgerStoreSettings(
        c.getStringList("contact-points"),
        c.getString("datacenter"),
        c.getString("keyspace"),
        c.getInt("replication-factor"),
        c.getBoolean("schema-autocreate"));
  }

  /** These settings with other contact points (a command-line override). */
  public LedgerStoreSettings withContactPoints(List<String> points) {
    return new LedgerStoreSettings(points, datacenter, keyspace, replicationFactor, schemaAutocreate);
  }

  /**
   * A plain driver session to the ring for one-shot work (a scan, a benchmark baseline): no schema
   * or token metadata, which such work does not use and a session otherwise fetches before its
   * first query, and no quiet period on close (the driver's default waits 2 s for event loops
   * that have nothing left to do; a short one still lets the session's own close steps finish
   * on them, where none at all made a close occasionally log a rejected task). The caller closes it.
   */
  public CqlSession openSession() {
    DriverConfigLoader oneShot =
        DriverConfigLoader.programmaticBuilder()
            .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
            .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
            .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, CLOSE_QUIET_MILLIS)
            .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_TIMEOUT, CLOSE_TIMEOUT_MILLIS)
            .withString(DefaultDriverOption.NETTY_IO_SHUTDOWN_UNIT, "MILLISECONDS")
            .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, CLOSE_QUIET_MILLIS)
            .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_TIMEOUT, CLOSE_TIMEOUT_MILLIS)
            .withString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS")
            .build();
    var builder = CqlSession.builder().withConfigLoader(oneShot).withLocalDatacenter(datacenter);
    for (String point : contactPoints) {
      String[] hostPort = point.split(":");
      builder.addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])));
    }
    return builder.build();
  }

  /** The keyspace of the snapshots, beside the journal's. */
  public String snapshotKeyspace() {
    return keyspace + "_snapshot";
  }

  /** The journal, snapshot store and driver settings, to lay over a node's configuration. */
  public Config pekkoConfig() {
    String autocreate = schemaAutocreate ? "on" : "off";
    StringBuilder points = new StringBuilder();
    for (String p : contactPoints) {
      points.append(points.length() == 0 ? "" : ", ").append('"').append(p).append('"');
    }
    return ConfigFactory.parseString(
        String.join(
            "\n",
            "pekko.persistence.journal.plugin = \"pekko.persistence.cassandra.journal\"",
            "pekko.persistence.snapshot-store.plugin = \"pekko.persistence.cassandra.snapshot\"",
            "pekko.persistence.cassandra {",
            "  journal.keyspace = " + keyspace,
            "  journal.keyspace-autocreate = " + autocreate,
            "  journal.tables-autocreate = " + autocreate,
            "  journal.replication-factor = " + replicationFactor,
            "  snapshot.keyspace = " + snapshotKeyspace(),
            "  snapshot.keyspace-autocreate = " + autocreate,
            "  snapshot.tables-autocreate = " + autocreate,
            "  snapshot.replication-factor = " + replicationFactor,
            "  events-by-tag.enabled = false",
            "  journal.support-deletes = off",
            "}",
            "datastax-java-driver {",
            "  basic.contact-points = [" + points + "]",
            "  basic.load-balancing-policy.local-datacenter = \"" + datacenter + "\"",
            "  advanced.reconnect-on-init = true",
            "  advanced.connection.max-requests-per-connection = 8192",
            "}"));
  }
}
