package io.taofabric.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher does without ever starting a node. */
class LocalCassandraTest {
  @TempDir Path dir;

  /** Ports free right now, so these tests never collide with a node someone is running. */
  private final int cqlPort = freePort();

  private final int storagePort = freePort();

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(LocalCassandra.HOST))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private LocalCassandra node(Path lib) {
    return new LocalCassandra(
        new CassandraSettings(
            dir.resolve("node"),
            cqlPort,
            storagePort,
            "256m",
            "taofabric-test",
            lib,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5)));
  }

  private Path fakeLib() throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.createFile(lib.resolve("cassandra-all-5.0.9.jar"));
    return lib;
  }

  private static long deadPid() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void shouldReportAFreshDirectoryStopped() {
    LocalCassandra.Status status = node(dir.resolve("lib")).status();

    assertFalse(status.running());
    assertEquals("stopped (data in " + dir.resolve("node/data") + ")", status.describe());
  }

  @Test
  void shouldSayNotRunningWhenStoppingANodeThatIsNotThere() {
    LocalCassandra.Stopped stopped = node(dir.resolve("lib")).stop();

    assertTrue(stopped.pid().isEmpty());
    assertEquals("not running", stopped.describe());
  }

  @Test
  void shouldRemoveAPidFileWhoseProcessIsGone() throws Exception {
    LocalCassandra node = node(dir.resolve("lib"));
    Files.createDirectories(node.settings().baseDir());
    Files.writeString(node.settings().pidFile(), deadPid() + "\n");

    assertFalse(node.status().running());
    assertFalse(Files.exists(node.settings().pidFile()));
  }

  @Test
  void shouldRemoveAPidFileThatNamesAProcessOtherThanTheNode() throws Exception {
    LocalCassandra node = node(dir.resolve("lib"));
    Files.createDirectories(node.settings().baseDir());
    Files.writeString(node.settings().pidFile(), ProcessHandle.current().pid() + "\n");

    assertTrue(node.stop().pid().isEmpty(), "must not signal an unrelated process");
    assertFalse(Files.exists(node.settings().pidFile()));
  }

  @Test
  void shouldRemoveAPidFileThatIsNotANumber() throws Exception {
    LocalCassandra node = node(dir.resolve("lib"));
    Files.createDirectories(node.settings().baseDir());
    Files.writeString(node.settings().pidFile(), "garbage");

    assertFalse(node.status().running());
    assertFalse(Files.exists(node.settings().pidFile()));
  }

  @Test
  void shouldNameTheLibDirWhenTheJarsAreMissing() {
    LocalCassandraException e =
        assertThrows(LocalCassandraException.class, () -> node(dir.resolve("lib")).start());

    assertTrue(e.getMessage().startsWith("no Cassandra jars in " + dir.resolve("lib")), e.getMessage());
    assertTrue(e.getMessage().contains("mvn -q -pl persistence/cassandra-server package"), e.getMessage());
  }

  @Test
  void shouldRefuseToStartOnAPortInUse() throws Exception {
    LocalCassandra node = node(fakeLib());
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(LocalCassandra.HOST, cqlPort));

      LocalCassandraException e = assertThrows(LocalCassandraException.class, node::start);

      assertEquals(
          "CQL port 127.0.0.1:" + cqlPort + " is already in use by another process; choose another with --port",
          e.getMessage());
    }
    assertFalse(Files.exists(node.settings().pidFile()));
  }

  @Test
  void shouldNameBothLogsWhenTheNodeDiesDuringStartup() throws Exception {
    LocalCassandra node = node(fakeLib());

    LocalCassandraException e = assertThrows(LocalCassandraException.class, node::start);

    CassandraSettings s = node.settings();
    assertTrue(e.getMessage().contains("exited with status 1 during startup"), e.getMessage());
    assertTrue(e.getMessage().endsWith(s.systemLog() + " and " + s.consoleLog()), e.getMessage());
    assertFalse(Files.exists(s.pidFile()));
    assertTrue(
        Files.readString(s.consoleLog()).contains("CassandraDaemon"), "the JVM's own error is kept");
  }
}
