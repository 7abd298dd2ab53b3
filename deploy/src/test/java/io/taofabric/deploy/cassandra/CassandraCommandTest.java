package io.taofabric.deploy.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.deploy.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fabric cassandra} without a node: help, status and stop of nothing, and each failure. */
class CassandraCommandTest {
  @TempDir Path dir;

  private static void assertFailedWithOneLine(CliRun run, String subcommand, String message) {
    assertEquals(CassandraCommand.FAILED, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals("fabric cassandra " + subcommand + ": " + message + "\n", run.err());
  }


  @Nested
  class Help {
    @ParameterizedTest
    @ValueSource(strings = {"start", "stop", "status"})
    void shouldListTheOptionsOfEachSubcommand(String subcommand) {
      CliRun run = CliRun.of("cassandra", subcommand, "--help");

      assertEquals(0, run.exitCode(), run.err());
      for (String option : new String[] {"--dir", "--port", "--storage-port", "--heap", "--lib"}) {
        assertTrue(run.out().contains(option), option + " in " + run.out());
      }
    }

    @Test
    void shouldListTheSubcommands() {
      CliRun run = CliRun.of("cassandra", "--help");

      assertEquals(0, run.exitCode(), run.err());
      for (String subcommand : new String[] {"start", "stop", "status"}) {
        assertTrue(run.out().contains("  " + subcommand + "  "), subcommand + " in " + run.out());
      }
    }

    @Test
    void shouldBeListedByFabricHelp() {
      assertTrue(CliRun.of("--help").out().contains("cassandra"));
    }

    @Test
    void shouldAskForASubcommand() {
      CliRun run = CliRun.of("cassandra");

      assertEquals(2, run.exitCode());
      assertEquals("fabric cassandra: Missing required subcommand (see fabric cassandra --help)\n", run.err());
    }
  }

  @Test
  void shouldReportANodeThatNeverRanAsStopped() {
    CliRun run = CliRun.of("cassandra", "status", "--dir", dir.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("cassandra: stopped (data in " + dir.resolve("data") + ")\n", run.out());
  }

  @Test
  void shouldSayNotRunningWhenThereIsNothingToStop() {
    CliRun run = CliRun.of("cassandra", "stop", "--dir", dir.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("cassandra: not running\n", run.out());
  }

  @Nested
  class Failures {
    @Test
    void shouldNameTheMissingJars() {
      Path lib = dir.resolve("no-lib");

      CliRun run = CliRun.of("cassandra", "start", "--dir", dir.toString(), "--lib", lib.toString());

      assertFailedWithOneLine(
          run,
          "start",
          "no Cassandra jars in "
              + lib
              + ": build them with `mvn -q -pl persistence/cassandra-server package` in the"
              + " project root, or point taofabric.cassandra.lib-dir at them");
    }

    @Test
    void shouldRejectAPortOutOfRange() {
      assertFailedWithOneLine(
          CliRun.of("cassandra", "start", "--dir", dir.toString(), "--port", "0"), "start", "cql-port must be in 1..65535: 0");
    }

    @Test
    void shouldRejectTheSamePortTwice() {
      assertFailedWithOneLine(
          CliRun.of("cassandra", "status", "--port", "7000"), "status", "cql-port and storage-port must differ, both are 7000");
    }

    @Test
    void shouldRejectASmallHeap() {
      assertFailedWithOneLine(
          CliRun.of("cassandra", "start", "--dir", dir.toString(), "--heap", "128m"), "start", "heap must be at least 256m: 128m");
    }

    @Test
    void shouldLetPicocliRejectAPortThatIsNotANumber() {
      CliRun run = CliRun.of("cassandra", "start", "--port", "x");

      assertEquals(2, run.exitCode());
      assertFalse(run.err().contains("Exception"), run.err());
      assertTrue(run.err().startsWith("fabric cassandra start: Invalid value for option '--port'"), run.err());
      assertEquals(1, run.err().lines().count(), run.err());
    }
  }
}
