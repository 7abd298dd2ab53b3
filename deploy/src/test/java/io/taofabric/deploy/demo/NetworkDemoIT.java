package io.taofabric.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.aeron.CncFileDescriptor;
import io.taofabric.deploy.CliRun;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.agrona.IoUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code fabric demo} end to end, in this JVM, on the build's Cassandra node (which it must use,
 * since a node serves the configured CQL port, and leave running): two subnets of three miners run
 * two epochs each. The demo ends with status 0; each subnet's table has the miner of the best model
 * on top; the ledger's audit shows both subnets' epochs settled with the invariants holding; and
 * nothing it started is left: no thread of its node, nothing on its cluster port, no Aeron driver
 * directory of this JVM.
 */
@Timeout(600)
class NetworkDemoIT {
  private static final int CASSANDRA = Integer.getInteger("taofabric.it.cassandra.port", 19042);
  private static final int EPOCHS = 2;
  private static final Pattern MINERS = Pattern.compile("^subnet (\\d+) \\((\\w+)\\): validators \\w+; miners ([\\w-]+) (\\w{8}),", Pattern.MULTILINE);
  private static final Pattern NODE = Pattern.compile("^node: pekko://taofabric-demo@127\\.0\\.0\\.1:(\\d+) up", Pattern.MULTILINE);
  private static final Pattern SETTLED = Pattern.compile("^ledger: subnet 1 settled (\\d+) epochs, subnet 2 settled (\\d+) epochs$", Pattern.MULTILINE);

  @BeforeEach
  void journalOnTheBuildsNode() {
    System.setProperty("taofabric.cassandra.cql-port", Integer.toString(CASSANDRA));
    ConfigFactory.invalidateCaches();
  }

  @AfterEach
  void restore() {
    System.clearProperty("taofabric.cassandra.cql-port");
    ConfigFactory.invalidateCaches();
  }

  @Test
  void shouldRunTheNetworkPrintEverySubnetsTableAndTheAuditThenLeaveNothingRunning() throws Exception {
    // given
    Set<Path> driversBefore = aeronDirectories();
    // when
    CliRun run = CliRun.of("demo", "--subnets", "2", "--miners", "3", "--epochs", Integer.toString(EPOCHS));
    System.out.println(run.out());
    // then
    String out = run.out();
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(out.contains("cassandra: using the node on 127.0.0.1:" + CASSANDRA + ", which keeps running afterwards"), out);
    assertTrue(out.contains("| epochs sn1 " + EPOCHS + "/" + EPOCHS + ", sn2 " + EPOCHS + "/" + EPOCHS + " | emission paid "), out);

    Matcher miners = MINERS.matcher(out);
    List<String> kinds = List.of("forecasting", "classification");
    for (int netuid = 1; netuid <= 2; netuid++) {
      assertTrue(miners.find(), "subnet " + netuid + "'s miners: " + out);
      assertEquals(Integer.toString(netuid), miners.group(1));
      assertEquals(kinds.get(netuid - 1), miners.group(2));
      List<String> table = tableOf(out, netuid, miners.group(2));
      // miner 0 serves the kind's best model
      String top = table.get(2);
      assertTrue(top.endsWith("  " + miners.group(4) + "  miner: " + miners.group(3)), "best model on top: " + table);
      assertTrue(top.contains(" 1.00000 "), "it holds the incentive: " + top);
    }

    Matcher settled = SETTLED.matcher(out);
    assertTrue(settled.find(), out);
    assertTrue(Integer.parseInt(settled.group(1)) >= EPOCHS && Integer.parseInt(settled.group(2)) >= EPOCHS, settled.group());
    String audit = out.lines().filter(l -> l.startsWith("ledger: ") && l.contains(" events, issuance ")).findFirst().orElseThrow();
    assertTrue(audit.endsWith(", invariants OK"), audit);

    assertTrue(
        Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("taofabric-demo")),
        "a thread of the demo's node is left");
    Matcher node = NODE.matcher(out);
    assertTrue(node.find(), out);
    assertFree(Integer.parseInt(node.group(1)));
    Set<Path> left = aeronDirectories();
    left.removeAll(driversBefore);
    assertTrue(left.stream().noneMatch(NetworkDemoIT::ofThisProcess), "an Aeron driver directory of this JVM is left: " + left);
    assertTrue(new LocalCassandra(CassandraSettings.load().withCqlPort(CASSANDRA)).cqlAccepting(), "the build's node keeps running");
  }

  /** The lines of subnet {@code netuid}'s table: title, header, rows and summary. */
  private static List<String> tableOf(String out, int netuid, String kind) {
    List<String> lines = out.lines().toList();
    String title = "subnet " + netuid + " (" + kind + ") after ";
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(title)) {
        int end = i;
        while (!lines.get(end).contains(" UIDs, ")) {
          end++;
        }
        return lines.subList(i, end + 1);
      }
    }
    throw new AssertionError("no table of subnet " + netuid + ": " + out);
  }

  private static void assertFree(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
    }
  }

  /** Aeron driver directories where {@link io.taofabric.transport.AeronNode} puts them. */
  private static Set<Path> aeronDirectories() throws IOException {
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
