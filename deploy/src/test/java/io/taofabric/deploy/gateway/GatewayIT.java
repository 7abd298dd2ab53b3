package io.taofabric.deploy.gateway;

import static io.taofabric.deploy.gateway.GatewayNetwork.await;
import static io.taofabric.deploy.gateway.GatewayNetwork.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.persistence.cassandra.query.javadsl.CassandraReadJournal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway's epoch history and settlement metrics on the build's real Cassandra node
 * (failsafe; the node is started by the build): what the in-memory journal cannot show, the
 * journal's own write time of every settlement and credit, read back through Cassandra's read
 * journal, and the epoch-interval and credit-time histograms measured from them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class GatewayIT {
  private static final int PORT = Integer.getInteger("taofabric.it.cassandra.port", 19042);
  /** A keyspace of this run's own: the node's data outlives a build that does not clean. */
  private static final LedgerStoreSettings STORE =
      new LedgerStoreSettings(
          List.of("127.0.0.1:" + PORT), "datacenter1", "gateway_it_" + Long.toString(System.currentTimeMillis(), 36), 1, true);
  private static final Pattern COUNT = Pattern.compile("(?m)^(taofabric_\\w+)_count (\\S+)$");
  private static final Pattern SUM = Pattern.compile("(?m)^(taofabric_\\w+)_sum (\\S+)$");

  private final Instant started = Instant.now();
  private GatewayNetwork net;

  @BeforeAll
  void startNetwork() throws Exception {
    net = GatewayNetwork.start(STORE.pekkoConfig(), CassandraReadJournal.Identifier());
  }

  @AfterAll
  void stopNetwork() throws Exception {
    if (net != null) {
      net.close();
    }
  }

  @Test
  void shouldListEachEpochWithTheTimesTheJournalStoredIt() throws Exception {
    await(() -> credited(epochs(10)) >= 3, "three credited epochs");
    List<JsonNode> epochs = epochs(10);
    for (int i = 0; i < epochs.size(); i++) {
      JsonNode epoch = epochs.get(i);
      Instant settled = Instant.parse(epoch.get("settled_at").asText());
      assertTrue(settled.isAfter(started), epoch.toString());
      if (epoch.get("credited").asBoolean()) {
        assertFalse(Instant.parse(epoch.get("credited_at").asText()).isBefore(settled), epoch.toString());
      }
      if (i > 0) {
        assertEquals(epoch.get("epoch").asLong() + 1, epochs.get(i - 1).get("epoch").asLong(), "newest first, none missing");
      }
    }
  }

  @Test
  void shouldMeasureEpochIntervalsAndCreditTimesFromTheJournal() throws Exception {
    await(() -> figure(COUNT, "taofabric_epoch_interval_seconds") >= 2, "two epoch intervals measured");
    await(() -> figure(COUNT, "taofabric_settlement_credit_seconds") >= 2, "two credit times measured");
    double interval = figure(SUM, "taofabric_epoch_interval_seconds") / figure(COUNT, "taofabric_epoch_interval_seconds");
    double credit = figure(SUM, "taofabric_settlement_credit_seconds") / figure(COUNT, "taofabric_settlement_credit_seconds");
    System.out.printf("gateway IT: mean epoch interval %.3f s (tempo 10 at 100 ms blocks), mean credit time %.3f s%n", interval, credit);
    assertTrue(interval > 0.5 && interval < 5, "about 11 blocks of 100 ms: " + interval);
    assertTrue(credit >= 0 && credit < interval, "credits land before the next epoch: " + credit);
  }

  private List<JsonNode> epochs(int limit) {
    try {
      List<JsonNode> epochs = new ArrayList<>();
      ok(net.get("/v1/subnets/" + net.netuid + "/epochs?limit=" + limit)).forEach(epochs::add);
      return epochs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long credited(List<JsonNode> epochs) {
    return epochs.stream().filter(e -> e.get("credited").asBoolean()).count();
  }

  /** A histogram's count or sum in {@code GET /metrics}. */
  private double figure(Pattern kind, String histogram) {
    try {
      Matcher m = kind.matcher(net.get("/metrics").body());
      while (m.find()) {
        if (m.group(1).equals(histogram)) {
          return Double.parseDouble(m.group(2));
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
