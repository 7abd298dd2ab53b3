package io.taofabric.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.aeron.CncFileDescriptor;
import io.taofabric.persistence.cassandra.CassandraSettings;
import io.taofabric.persistence.cassandra.LocalCassandra;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.agrona.IoUtil;

/**
 * What the ITs that run {@code fabric demo} in this JVM share: the demo on the build's Cassandra
 * node (which it must use, since a node serves the configured CQL port, and leave running), and the
 * check that the demo left nothing running.
 */
final class InProcessDemo {
  static final int CASSANDRA = Integer.getInteger("taofabric.it.cassandra.port", 19042);

  private static final Pattern NODE = Pattern.compile("^node: pekko://taofabric-demo@127\\.0\\.0\\.1:(\\d+) up", Pattern.MULTILINE);

  private InProcessDemo() {}

  /** Sets a {@code -D} key the demo reads from its configuration; {@link #clear} removes it. */
  static void set(String key, String value) {
    System.setProperty(key, value);
    ConfigFactory.invalidateCaches();
  }

  static void clear(String key) {
    System.clearProperty(key);
    ConfigFactory.invalidateCaches();
  }

  /** Points the demo's journal at the build's Cassandra node. */
  static void useTheBuildsCassandra() {
    set("taofabric.cassandra.cql-port", Integer.toString(CASSANDRA));
  }

  static void restoreCassandra() {
    clear("taofabric.cassandra.cql-port");
  }

  /** Aeron driver directories where {@link io.taofabric.transport.AeronNode} puts them. */
  static Set<Path> aeronDirectories() throws IOException {
    Set<Path> found = new HashSet<>();
    for (Path base : List.of(Path.of("/dev/shm"), Path.of(System.getProperty("java.io.tmpdir")))) {
      if (Files.isDirectory(base)) {
        try (Stream<Path> entries = Files.list(base)) {
          entries.filter(p -> p.getFileName().toString().startsWith("taofabric-aeron-")).forEach(found::add);
        }
      }
    }
    return found;
  }

  /**
   * Whether the demo node's threads are gone within a few seconds: a terminated actor system's
   * dispatcher threads finish their last task after termination completes; a leaked one stays.
   */
  private static boolean demoThreadsEnd() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("taofabric-demo"))) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return true;
  }

  /**
   * The demo that printed {@code out} left nothing running: no thread of its node, nothing on its
   * cluster port, no Aeron driver directory of this JVM besides {@code driversBefore}; and the
   * build's node still runs.
   */
  static void assertNothingLeft(String out, Set<Path> driversBefore) throws IOException, InterruptedException {
    assertTrue(demoThreadsEnd(), "a thread of the demo's node is left");
    Matcher node = NODE.matcher(out);
    assertTrue(node.find(), out);
    assertFree(Integer.parseInt(node.group(1)));
    Set<Path> left = aeronDirectories();
    left.removeAll(driversBefore);
    assertTrue(left.stream().noneMatch(InProcessDemo::ofThisProcess), "an Aeron driver directory of this JVM is left: " + left);
    assertTrue(new LocalCassandra(CassandraSettings.load().withCqlPort(CASSANDRA)).cqlAccepting(), "the build's node keeps running");
  }

  /** Nothing listens on TCP {@code port} of the loopback address. */
  static void assertFree(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
    }
  }

  /** Whether the driver of {@code directory} was this JVM's: its pid is in the CnC file. */
  private static boolean ofThisProcess(Path directory) {
    Path cnc = directory.resolve(CncFileDescriptor.CNC_FILE);
    if (!Files.exists(cnc)) {
      return false;
    }
    MappedByteBuffer buffer = IoUtil.mapExistingFile(cnc.toFile(), "cnc");
    try {
      return CncFileDescriptor.createMetaDataBuffer(buffer).getLong(CncFileDescriptor.pidOffset(0)) == ProcessHandle.current().pid();
    } finally {
      IoUtil.unmap(buffer);
    }
  }
}
