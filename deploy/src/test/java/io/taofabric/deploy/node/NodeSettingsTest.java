package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code taofabric.node}: the defaults, a full section, and each invalid value's message. */
class NodeSettingsTest {
  private static NodeSettings parse(String hocon) {
    return NodeSettings.from(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.load()).resolve());
  }

  @Nested
  class Parsing {
    @Test
    void shouldDefaultToALoopbackNodeThatFormsItsOwnCluster() {
      NodeSettings defaults = NodeSettings.from(ConfigFactory.load());

      assertEquals(
          new NodeSettings(List.of(), "127.0.0.1", 7355, List.of(), 7626, 100, Duration.ofSeconds(7)), defaults);
    }

    @Test
    void shouldReadEveryKey() {
      NodeSettings settings =
          parse(
              """
              taofabric.node {
                roles = [ledger, gateway]
                host = node-2.fabric.internal
                port = 2552
                seeds = ["10.0.0.1:2552", "10.0.0.2:2552"]
                management-port = 8558
                number-of-shards = 300
                split-brain-stable-after = 10s
              }
              """);

      assertEquals(
          new NodeSettings(
              List.of("ledger", "gateway"),
              "node-2.fabric.internal",
              2552,
              List.of("10.0.0.1:2552", "10.0.0.2:2552"),
              8558,
              300,
              Duration.ofSeconds(10)),
          settings);
    }

    @Test
    void shouldPutTheLedgerCommandsNodeAloneOnAFreeLoopbackPortKeepingTheShardCount() {
      NodeSettings alone =
          parse("taofabric.node { host = 10.0.0.7, seeds = [\"10.0.0.1:2552\"], number-of-shards = 40 }")
              .aloneOnLoopback();

      assertEquals("127.0.0.1", alone.host());
      assertEquals(0, alone.port());
      assertEquals(List.of(), alone.seeds());
      assertEquals(40, alone.numberOfShards());
    }
  }

  @Nested
  class Validation {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "roles = [Ledger]                 | role must be lower-case letters, digits and -, got \"Ledger\"",
          "host = \"\"                      | host must be a host name or IPv4 address, got \"\"",
          "host = \"a b\"                   | host must be a host name or IPv4 address, got \"a b\"",
          "port = 65536                     | port must be from 0 to 65535, got 65536",
          "port = abc                       | port must be a whole number, got \"abc\"",
          "seeds = [\"10.0.0.1\"]           | seed must be host:port, got \"10.0.0.1\"",
          "seeds = [\"10.0.0.1:0\"]         | seed port must be from 1 to 65535, got 0",
          "management-port = -1             | management-port must be from 0 to 65535, got -1",
          "management-port = 7355           | management-port must differ from port, both are 7355",
          "number-of-shards = 0             | number-of-shards must be from 1 to 10000, got 0",
          "number-of-shards = 10001         | number-of-shards must be from 1 to 10000, got 10001",
          "split-brain-stable-after = 500ms | split-brain-stable-after must be at least 1s, got PT0.5S"
        })
    void shouldRefuseAnInvalidValueNamingItsKey(String setting, String message) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> parse("taofabric.node." + setting));

      assertEquals(message, e.getMessage());
    }

    @Test
    void shouldRefuseAValueOfTheWrongType() {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> parse("taofabric.node.seeds = \"10.0.0.1:2552\""));

      assertEquals(true, e.getMessage().contains("seeds"), e.getMessage());
    }
  }
}
