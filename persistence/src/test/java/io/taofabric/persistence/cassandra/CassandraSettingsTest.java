package io.taofabric.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CassandraSettingsTest {
  private static final CassandraSettings VALID =
      new CassandraSettings(
          Path.of("/tmp/node"),
          9042,
          7000,
          "512m",
          "taofabric-local",
          Path.of("/opt/lib"),
          Duration.ofSeconds(120),
          Duration.ofSeconds(60));

  /** reference.conf under {@code overrides}, resolved against the system properties. */
  private static Config config(String overrides) {
    return ConfigFactory.parseString(overrides)
        .withFallback(ConfigFactory.systemProperties())
        .withFallback(ConfigFactory.parseResources("reference.conf"))
        .resolve();
  }

  @Nested
  class FromReferenceConf {
    @Test
    void shouldDefaultToTheDocumentedNode() {
      CassandraSettings s = CassandraSettings.from(config("taofabric.home = /srv/taofabric"));

      assertEquals(Path.of(System.getProperty("user.home"), ".taofabric", "cassandra"), s.baseDir());
      assertEquals(9042, s.cqlPort());
      assertEquals(7000, s.storagePort());
      assertEquals("512m", s.heap());
      assertEquals(512L << 20, s.heapBytes());
      assertEquals("taofabric-local", s.clusterName());
      assertEquals(Duration.ofSeconds(120), s.startTimeout());
      assertEquals(Duration.ofSeconds(60), s.stopTimeout());
    }

    @Test
    void shouldFindTheJarsUnderTaofabricHome() {
      CassandraSettings s = CassandraSettings.from(config("taofabric.home = /srv/taofabric"));

      assertEquals(Path.of("/srv/taofabric/persistence/cassandra-server/target/lib"), s.libDir());
    }

    @Test
    void shouldTakeAnExplicitLibDirOverTaofabricHome() {
      CassandraSettings s =
          CassandraSettings.from(
              config("taofabric.home = /srv/taofabric\ntaofabric.cassandra.lib-dir = /opt/c/lib"));

      assertEquals(Path.of("/opt/c/lib"), s.libDir());
    }

    @Test
    void shouldFindTheJarsUnderTheWorkingDirectoryWithoutTaofabricHome() {
      CassandraSettings s = CassandraSettings.from(config(""));

      assertEquals(
          Path.of(System.getProperty("user.dir"), "persistence/cassandra-server/target/lib"),
          s.libDir());
    }

    @Test
    void shouldValidateWhatItReads() {
      Config bad = config("taofabric.cassandra.cql-port = 70000");

      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CassandraSettings.from(bad));
      assertEquals("cql-port must be in 1..65535: 70000", e.getMessage());
    }
  }

  @Nested
  class Validation {
    @Test
    void shouldMakeDirectoriesAbsolute() {
      CassandraSettings s = VALID.withBaseDir(Path.of("node")).withLibDir(Path.of("a/../lib"));

      assertTrue(s.baseDir().isAbsolute());
      assertEquals(Path.of("node").toAbsolutePath(), s.baseDir());
      assertEquals(Path.of("lib").toAbsolutePath(), s.libDir());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536})
    void shouldRejectAPortOutOfRange(int port) {
      assertThrows(IllegalArgumentException.class, () -> VALID.withCqlPort(port));
      assertThrows(IllegalArgumentException.class, () -> VALID.withStoragePort(port));
    }

    @Test
    void shouldRejectOnePortForBoth() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> VALID.withCqlPort(7000));
      assertEquals("cql-port and storage-port must differ, both are 7000", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256m", "384M", "1g", "2G", "4096m"})
    void shouldAcceptAHeapOfMegabytesOrGigabytes(String heap) {
      assertEquals(heap, VALID.withHeap(heap).heap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"512", "512k", "0m", "-1g", "1t", "m", " 512m", "512 m", "0512m", ""})
    void shouldRejectAHeapThatIsNotASize(String heap) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> VALID.withHeap(heap));
      assertTrue(e.getMessage().startsWith("heap must be a size"), e.getMessage());
    }

    @Test
    void shouldRejectAHeapBelow256Megabytes() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> VALID.withHeap("255m"));
      assertEquals("heap must be at least 256m: 255m", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " lead", "it's", "a\nb", "a:b", "x#y"})
    void shouldRejectAClusterNameThatCouldBreakTheYaml(String name) {
      assertThrows(IllegalArgumentException.class, () -> named(name));
    }

    @Test
    void shouldAcceptAClusterNameOfUpTo48Characters() {
      assertEquals(48, named("c".repeat(48)).clusterName().length());
      assertThrows(IllegalArgumentException.class, () -> named("c".repeat(49)));
    }

    private CassandraSettings named(String name) {
      return new CassandraSettings(
          VALID.baseDir(), 9042, 7000, "512m", name, VALID.libDir(), VALID.startTimeout(),
          VALID.stopTimeout());
    }

    @Test
    void shouldRejectATimeoutThatIsNotPositive() {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new CassandraSettings(
                  VALID.baseDir(), 9042, 7000, "512m", "c", VALID.libDir(), Duration.ZERO,
                  VALID.stopTimeout()));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new CassandraSettings(
                  VALID.baseDir(), 9042, 7000, "512m", "c", VALID.libDir(), VALID.startTimeout(),
                  Duration.ofSeconds(-1)));
    }
  }

  @Test
  void shouldPlaceEveryFileUnderTheBaseDir() {
    assertEquals(Path.of("/tmp/node/conf"), VALID.confDir());
    assertEquals(Path.of("/tmp/node/data"), VALID.dataDir());
    assertEquals(Path.of("/tmp/node/logs/system.log"), VALID.systemLog());
    assertEquals(Path.of("/tmp/node/logs/console.log"), VALID.consoleLog());
    assertEquals(Path.of("/tmp/node/cassandra.pid"), VALID.pidFile());
  }
}
