package io.taofabric.persistence.cassandra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The Cassandra node the build starts for the ITs (exec-maven-plugin, pre-integration-test), as
 * failsafe describes it in system properties; the defaults match the parent pom's. Every IT reads
 * {@link #CQL_PORT} before it connects, so logging is initialised here, on the test's thread,
 * rather than by the driver's and Pekko's threads racing (SLF4J then warns of replayed calls).
 */
final class ItNode {
  static {
    LoggerFactory.getILoggerFactory();
  }

  static final String HOST = LocalCassandra.HOST;
  static final int CQL_PORT = Integer.getInteger("taofabric.it.cassandra.port", 19042);
  static final Path DIR =
      Path.of(System.getProperty("taofabric.it.cassandra.dir", "target/it-cassandra"));
  static final Path LIB =
      Path.of(System.getProperty("taofabric.it.cassandra.lib", "cassandra-server/target/lib"));
  static final String DATACENTER = "datacenter1";

  private ItNode() {}

  /** Fails at once, saying why, if nothing accepts connections on the node's CQL port. */
  static void requireRunning() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, CQL_PORT), 2_000);
    } catch (IOException e) {
      throw new AssertionError(
          "no Cassandra on "
              + HOST
              + ":"
              + CQL_PORT
              + " ("
              + e.getMessage()
              + "): `mvn verify` starts one at pre-integration-test; to run an IT alone,"
              + " start one with LocalCassandraMain or `fabric cassandra start --port "
              + CQL_PORT
              + "`");
    }
  }
}
