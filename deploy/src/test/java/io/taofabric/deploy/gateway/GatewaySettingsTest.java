package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.taofabric.core.tx.NonceFreshness;
import io.taofabric.core.tx.RateLimit;
import io.taofabric.deploy.node.NodeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {
  private static final NodeSettings NODE = NodeSettings.from(ConfigFactory.load());

  @Test
  void shouldReadTheDocumentedDefaults() {
    GatewaySettings settings = GatewaySettings.from(ConfigFactory.load(), NODE);
    assertEquals(7_700, settings.port());
    assertEquals(64 * 1024, settings.maxBodyBytes());
    assertEquals(NonceFreshness.DEFAULT, settings.nonceFreshness());
    assertEquals(RateLimit.DEFAULT, settings.rateLimit());
    assertEquals("pekko.persistence.cassandra.query", settings.readJournal());
    assertEquals(256, settings.maxInFlight());
    assertEquals(
        new GatewaySettings.Query(
            3, Duration.ofSeconds(2), 32, Path.of(System.getProperty("user.home"), ".taofabric", "wallets"), "", List.of(), false),
        settings.query());
  }

  @Test
  void shouldTurnTheGatewayOffOnPortZeroAndRefuseANodesPort() {
    assertEquals(false, GatewaySettings.from(with("port = 0"), NODE).enabled());
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () -> GatewaySettings.from(with("port = 7626"), NODE));
    assertEquals("gateway-port must differ from port and management-port, got 7626", taken.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GatewaySettings.from(with("port = abc"), NODE));
    assertThrows(IllegalArgumentException.class, () -> GatewaySettings.from(with("query.top-miners = 0"), NODE));
    IllegalArgumentException noRoom = assertThrows(IllegalArgumentException.class, () -> GatewaySettings.from(with("max-in-flight = 0"), NODE));
    assertEquals("gateway max-in-flight must be positive, got 0", noRoom.getMessage());
  }

  private static Config with(String hocon) {
    return ConfigFactory.parseString("taofabric.gateway." + hocon).withFallback(ConfigFactory.load()).resolve();
  }
}
