package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import io.taofabric.deploy.CliRun;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code fabric node} without starting a node: where each setting comes from, and bad input. */
class NodeCommandTest {
  @TempDir Path dir;

  /** The configuration {@code fabric node args} would run with. */
  private static Config configOf(String... args) {
    NodeCommand command = new NodeCommand();
    new CommandLine(command).parseArgs(args);
    return command.config();
  }

  private Path file(String hocon) throws IOException {
    Path file = dir.resolve("node.conf");
    Files.writeString(file, hocon);
    return file;
  }

  @Nested
  class Precedence {
    @Test
    void shouldTakeTheFlagsOverTheFileAndTheFileOverTheDefaults() throws IOException {
      Path file =
          file(
              """
              taofabric.node {
                roles = [ledger]
                host = 10.0.0.2
                port = 2552
                seeds = ["10.0.0.1:2552"]
                management-port = 8558
                number-of-shards = 30
              }
              taofabric.ledger.contact-points = ["10.0.0.9:9042"]
              """);

      Config config =
          configOf(
              "--config", file.toString(),
              "--role", "gateway,ledger", "--role", "subnet",
              "--port", "2553",
              "--seed", "10.0.0.1:2552,10.0.0.3:2552",
              "--contact-point", "10.0.0.8:9042");

      assertEquals(
          new NodeSettings(
              List.of("gateway", "ledger", "subnet"),
              "10.0.0.2",
              2553,
              List.of("10.0.0.1:2552", "10.0.0.3:2552"),
              8558,
              30,
              Duration.ofSeconds(7)),
          NodeSettings.from(config));
      assertEquals(List.of("10.0.0.8:9042"), LedgerStoreSettings.from(config).contactPoints());
    }

    @Test
    void shouldTakeTheFileOverTheDefaults() throws IOException {
      Path file = file("taofabric.node { host = 10.0.0.2, management-port = 8558 }");

      NodeSettings settings = NodeSettings.from(configOf("--config", file.toString(), "--host", "10.0.0.3"));

      assertEquals("10.0.0.3", settings.host());
      assertEquals(8558, settings.managementPort());
      assertEquals(7355, settings.port());
    }
  }

  @Nested
  class BadInput {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "--port abc                       | port must be a whole number, got \"abc\"",
          "--port 70000                     | port must be from 0 to 65535, got 70000",
          "--seed 10.0.0.1                  | seed must be host:port, got \"10.0.0.1\"",
          "--role Gateway                   | role must be lower-case letters, digits and -, got \"Gateway\"",
          "--management-port 7355           | management-port must differ from port, both are 7355",
          "--gateway-port 7626              | gateway-port must differ from port and management-port, got 7626",
          "--gateway-port abc               | gateway port must be a whole number, got \"abc\"",
          "--contact-point cassandra        | contact point must be host:port, got \"cassandra\""
        })
    void shouldExitTwoWithOneLineNamingTheValue(String args, String message) {
      CliRun run = CliRun.of(("node " + args.strip()).split(" "));

      assertEquals(NodeCommand.BAD_SETTINGS, run.exitCode(), run.err());
      assertEquals("", run.out());
      assertEquals("fabric node: " + message + "\n", run.err());
    }

    @Test
    void shouldExitTwoWithOneLineForAMissingOrMalformedFile() throws IOException {
      CliRun missing = CliRun.of("node", "--config", dir.resolve("absent.conf").toString());
      CliRun malformed = CliRun.of("node", "--config", file("taofabric.node { port = ").toString());

      for (CliRun run : List.of(missing, malformed)) {
        assertEquals(NodeCommand.BAD_SETTINGS, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("fabric node: "), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
      }
    }
  }

  @Test
  void shouldListTheOptions() {
    CliRun run = CliRun.of("node", "--help");

    assertEquals(0, run.exitCode(), run.err());
    for (String option :
        List.of("--role", "--host", "--port", "--seed", "--management-port", "--config", "--contact-point")) {
      assertTrue(run.out().contains(option), option + " in " + run.out());
    }
  }
}
