package io.taofabric.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NodeFilesTest {
  private static final CassandraSettings SETTINGS =
      new CassandraSettings(
          Path.of("/var/nodes/o'brien"),
          19042,
          17000,
          "384m",
          "taofabric-it",
          Path.of("/opt/cassandra/lib"),
          Duration.ofSeconds(120),
          Duration.ofSeconds(60));

  /** The top-level {@code key: value} lines of a YAML text; nested lines are skipped. */
  private static Map<String, String> topLevel(String yaml) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : yaml.split("\n")) {
      int colon = line.indexOf(": ");
      if (!line.startsWith(" ") && !line.startsWith("#") && colon > 0) {
        keys.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    return keys;
  }

  @Nested
  class CassandraYaml {
    private final String yaml = NodeFiles.cassandraYaml(SETTINGS);
    private final Map<String, String> keys = topLevel(yaml);

    @Test
    void shouldBindEveryPortOnLoopback() {
      assertEquals("127.0.0.1", keys.get("listen_address"));
      assertEquals("127.0.0.1", keys.get("rpc_address"));
      assertEquals("19042", keys.get("native_transport_port"));
      assertEquals("17000", keys.get("storage_port"));
      assertEquals("true", keys.get("start_native_transport"));
      assertTrue(yaml.contains("\n      - seeds: \"127.0.0.1:17000\"\n"), yaml);
    }

    @Test
    void shouldBeASingleNodeOfTheConfiguredCluster() {
      assertEquals("'taofabric-it'", keys.get("cluster_name"));
      assertEquals("16", keys.get("num_tokens"));
      assertEquals("org.apache.cassandra.dht.Murmur3Partitioner", keys.get("partitioner"));
      assertEquals("SimpleSnitch", keys.get("endpoint_snitch"));
      assertTrue(
          yaml.contains("  - class_name: org.apache.cassandra.locator.SimpleSeedProvider\n"), yaml);
    }

    @Test
    void shouldKeepEveryDirectoryUnderDataQuotingTheBaseDir() {
      assertTrue(yaml.contains("data_file_directories:\n  - '/var/nodes/o''brien/data/data'\n"), yaml);
      assertEquals("'/var/nodes/o''brien/data/commitlog'", keys.get("commitlog_directory"));
      assertEquals("'/var/nodes/o''brien/data/saved_caches'", keys.get("saved_caches_directory"));
      assertEquals("'/var/nodes/o''brien/data/hints'", keys.get("hints_directory"));
      assertEquals("'/var/nodes/o''brien/data/cdc_raw'", keys.get("cdc_raw_directory"));
    }

    @Test
    void shouldSetTheRequiredAndRecipeKeys() {
      assertEquals("periodic", keys.get("commitlog_sync"));
      assertEquals("10000ms", keys.get("commitlog_sync_period"));
      assertEquals("AllowAllAuthenticator", keys.get("authenticator"));
      assertEquals("AllowAllAuthorizer", keys.get("authorizer"));
      assertEquals("NONE", keys.get("storage_compatibility_mode"));
    }

    @Test
    void shouldUseNoTabs() {
      assertTrue(!yaml.contains("\t"), "YAML forbids tabs for indentation");
    }
  }

  @Test
  void shouldLogInfoToSystemLogInTheLogDir() {
    String xml = NodeFiles.logbackXml();

    assertTrue(xml.contains("<file>${cassandra.logdir}/system.log</file>"), xml);
    assertTrue(xml.contains("<root level=\"INFO\">"), xml);
    assertTrue(!xml.contains("ConsoleAppender"), xml);
  }

  @Test
  void shouldWriteOneJvmFlagPerLineAfterAComment() {
    List<String> lines = NodeFiles.jvmOptions().lines().toList();

    assertTrue(lines.get(0).startsWith("# "), lines.get(0));
    assertEquals(NodeFiles.JVM_FLAGS, lines.subList(1, lines.size()));
    assertEquals(27, NodeFiles.JVM_FLAGS.size(), "jvm17-server.options: 1 + 9 exports + 14 opens + 3 Netty");
    assertTrue(lines.contains("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"));
    assertTrue(lines.contains("--add-opens=java.base/java.util=ALL-UNNAMED"));
  }

  @Test
  void shouldStartTheDaemonWithTheHeapConfAndJars() {
    List<String> cmd = new LocalCassandra(SETTINGS).command();

    assertTrue(cmd.get(0).endsWith("/bin/java"), cmd.get(0));
    assertEquals("@/var/nodes/o'brien/conf/jvm-server.options", cmd.get(1));
    assertTrue(cmd.contains("-Xms384m") && cmd.contains("-Xmx384m"), cmd.toString());
    assertTrue(cmd.contains("-Dcassandra.logdir=/var/nodes/o'brien/logs"), cmd.toString());
    assertTrue(cmd.contains("-Dcassandra.storagedir=/var/nodes/o'brien/data"), cmd.toString());
    assertTrue(
        cmd.contains("-Dcassandra.config=file:///var/nodes/o'brien/conf/cassandra.yaml"),
        cmd.toString());
    int cp = cmd.indexOf("-cp");
    assertEquals("/var/nodes/o'brien/conf:/opt/cassandra/lib/*", cmd.get(cp + 1));
    assertEquals("org.apache.cassandra.service.CassandraDaemon", cmd.get(cmd.size() - 1));
  }

  @Test
  void shouldStartTheDaemonInASessionOfItsOwnOnRequest() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "this system has no setsid");

    List<String> cmd = new LocalCassandra(SETTINGS).inOwnSession().command();

    assertEquals("/usr/bin/setsid", cmd.get(0));
    assertEquals(new LocalCassandra(SETTINGS).command(), cmd.subList(1, cmd.size()));
  }
}
