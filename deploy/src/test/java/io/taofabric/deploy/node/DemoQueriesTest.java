package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The demonstration network's query path on its own: real forecasters over UDP on the loopback. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DemoQueriesTest {
  private static final List<String> MINERS = List.of("miner-1-0", "miner-1-1", "miner-1-2");

  @Test
  void shouldScoreEachMinerByNameWithTheLazyOneBelowTheForecasters() {
    try (DemoQueries queries = new DemoQueries()) {
      List<String> endpoints = queries.serve(1, 100, MINERS);
      assertEquals(3, Set.copyOf(endpoints).size(), "a port per miner");
      assertTrue(endpoints.stream().allMatch(e -> e.matches("127\\.0\\.0\\.1:\\d+")), endpoints.toString());

      double forecasters = 0;
      double lazy = 0;
      for (int round = 0; round < 10; round++) {
        Map<String, Double> scores = queries.score(1);
        assertEquals(Set.copyOf(MINERS), scores.keySet());
        forecasters += Math.min(scores.get("miner-1-0"), scores.get("miner-1-1"));
        lazy += scores.get("miner-1-2");
      }
      assertTrue(lazy > 0 && lazy < forecasters, "lazy " + lazy + ", the weaker forecaster " + forecasters);
    }
  }
}
