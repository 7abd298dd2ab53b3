package io.taofabric.persistence.cassandra;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of a {@link LocalCassandra} node, from the {@code taofabric.cassandra} section of the
 * configuration; validated when built, so a node is never started from settings that cannot work.
 *
 * @param baseDir the node's directory: {@code conf/}, {@code data/}, {@code logs/} and {@code
 *     cassandra.pid} live here
 * @param cqlPort the CQL (native transport) port on 127.0.0.1
 * @param storagePort the inter-node port on 127.0.0.1
 * @param heap the node's heap, {@code -Xms} and {@code -Xmx}, e.g. {@code 512m}
 * @param clusterName the name Cassandra stores on first start (it refuses to start under another)
 * @param libDir the directory of Cassandra's jars
 * @param startTimeout how long a start may take until the CQL port accepts connections
 * @param stopTimeout how long a node may take to exit after SIGTERM before it is killed
 */
public record CassandraSettings(
    Path baseDir,
    int cqlPort,
    int storagePort,
    String heap,
    String clusterName,
    Path libDir,
    Duration startTimeout,
    Duration stopTimeout) {

  /** The smallest heap a node is started with; 256 MiB runs the journal tests (shared/deps.md). */
  public static final long MIN_HEAP_BYTES = 256L << 20;

  private static final Pattern HEAP = Pattern.compile("([1-9][0-9]{0,6})([mMgG])");
  private static final Pattern CLUSTER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,47}");

  /** Validates every field and makes the directories absolute. */
  public CassandraSettings {
    Objects.requireNonNull(baseDir, "base-dir");
    Objects.requireNonNull(libDir, "lib-dir");
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(clusterName, "cluster-name");
    Objects.requireNonNull(startTimeout, "start-timeout");
    Objects.requireNonNull(stopTimeout, "stop-timeout");
    baseDir = baseDir.toAbsolutePath().normalize();
    libDir = libDir.toAbsolutePath().normalize();
    requirePort("cql-port", cqlPort);
    requirePort("storage-port", storagePort);
    if (cqlPort == storagePort) {
      throw new IllegalArgumentException(
          "cql-port and storage-port must differ, both are " + cqlPort);
    }
    long heapBytes = heapBytes(heap);
    if (heapBytes < MIN_HEAP_BYTES) {
      throw new IllegalArgumentException("heap must be at least 256m: " + heap);
    }
    if (!CLUSTER_NAME.matcher(clusterName).matches()) {
      throw new IllegalArgumentException(
          "cluster-name must be 1-48 letters, digits, spaces, '_', '.' or '-', starting with a"
              + " letter or digit: '"
              + clusterName
              + "'");
    }
    requirePositive("start-timeout", startTimeout);
    requirePositive("stop-timeout", stopTimeout);
  }

  /** Reads the {@code taofabric.cassandra} section of a resolved configuration. */
  public static CassandraSettings from(Config root) {
    Config c = root.getConfig("taofabric.cassandra");
    return new CassandraSettings(
        Path.of(c.getString("base-dir")),
        c.getInt("cql-port"),
        c.getInt("storage-port"),
        c.getString("heap"),
        c.getString("cluster-name"),
        Path.of(c.getString("lib-dir")),
        c.getDuration("start-timeout"),
        c.getDuration("stop-timeout"));
  }

  /**
   * The settings of the default configuration: {@code reference.conf} under {@code
   * application.conf} and system properties ({@code -Dtaofabric.home=...}, {@code
   * -Dtaofabric.cassandra.cql-port=...}).
   */
  public static CassandraSettings load() {
    return from(ConfigFactory.load());
  }

  /** These settings with another base directory. */
  public CassandraSettings withBaseDir(Path dir) {
    return new CassandraSettings(
        dir, cqlPort, storagePort, heap, clusterName, libDir, startTimeout, stopTimeout);
  }

  /** These settings with another CQL port. */
  public CassandraSettings withCqlPort(int port) {
    return new CassandraSettings(
        baseDir, port, storagePort, heap, clusterName, libDir, startTimeout, stopTimeout);
  }

  /** These settings with another storage port. */
  public CassandraSettings withStoragePort(int port) {
    return new CassandraSettings(
        baseDir, cqlPort, port, heap, clusterName, libDir, startTimeout, stopTimeout);
  }

  /** These settings with another heap size. */
  public CassandraSettings withHeap(String size) {
    return new CassandraSettings(
        baseDir, cqlPort, storagePort, size, clusterName, libDir, startTimeout, stopTimeout);
  }

  /** These settings with another directory of Cassandra jars. */
  public CassandraSettings withLibDir(Path dir) {
    return new CassandraSettings(
        baseDir, cqlPort, storagePort, heap, clusterName, dir, startTimeout, stopTimeout);
  }

  /** The heap in bytes. */
  public long heapBytes() {
    return heapBytes(heap);
  }

  /** {@code conf/}: the generated cassandra.yaml, logback.xml and JVM options. */
  public Path confDir() {
    return baseDir.resolve("conf");
  }

  /** {@code data/}: every file Cassandra stores; delete it (node stopped) to wipe the node. */
  public Path dataDir() {
    return baseDir.resolve("data");
  }

  /** {@code logs/}. */
  public Path logDir() {
    return baseDir.resolve("logs");
  }

  /** The node's log (logback, INFO). */
  public Path systemLog() {
    return logDir().resolve("system.log");
  }

  /** What the node's JVM writes to stdout and stderr, before logback is up for instance. */
  public Path consoleLog() {
    return logDir().resolve("console.log");
  }

  /** The PID of the running node. */
  public Path pidFile() {
    return baseDir.resolve("cassandra.pid");
  }

  private static long heapBytes(String heap) {
    Matcher m = HEAP.matcher(heap);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "heap must be a size in megabytes or gigabytes such as 512m or 1g: '" + heap + "'");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).toLowerCase(Locale.ROOT).equals("g") ? n << 30 : n << 20;
  }

  private static void requirePort(String name, int port) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be in 1..65535: " + port);
    }
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
