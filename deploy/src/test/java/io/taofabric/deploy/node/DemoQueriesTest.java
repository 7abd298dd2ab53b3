package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.transport.ServedEndpoint;
import io.taofabric.transport.round.QueryRound;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.validator.MinerTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demonstration network's query path on its own, fed hand-made metagraphs: real forecasters and
 * Tribuo classifiers over UDP on the loopback, admitting the callers the metagraph permits.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DemoQueriesTest {
  private static final int ROUNDS = 10;
  private static final long STAKE = 100;
  private static final SigningKey VALIDATOR = SigningKey.generate();
  private static final List<SigningKey> MINERS = List.of(SigningKey.generate(), SigningKey.generate(), SigningKey.generate());

  @Nested
  class Quality {
    @Test
    void shouldRankTheForecastersAboveTheLazyMinerAndTheBestFirst() {
      assertRankedByDesign(DemoKind.FORECASTING);
    }

    @Test
    void shouldRankTheClassifiersAboveTheLazyMinerAndTheBestFirst() {
      assertRankedByDesign(DemoKind.CLASSIFICATION);
    }

    private void assertRankedByDesign(DemoKind kind) {
      try (DemoQueries queries = new DemoQueries()) {
        // given
        List<DemoQueries.ServedMiner> served = queries.serve(1, kind, List.of(VALIDATOR), MINERS);
        Metagraph metagraph = metagraph(served, Map.of(VALIDATOR.hotkey(), STAKE));
        // when
        Map<String, Double> rewards = Map.of();
        for (int round = 0; round < ROUNDS; round++) {
          rewards = queries.play(metagraph).get(VALIDATOR.hotkey());
          assertEquals(hotkeys(MINERS), rewards.keySet(), "every miner that served, by hotkey");
        }
        // then: the tempo's rewards, as the tournament pays them
        double best = rewards.get(MINERS.get(0).hotkey());
        double second = rewards.get(MINERS.get(1).hotkey());
        double lazy = rewards.get(MINERS.get(2).hotkey());
        assertEquals(1.0, best, served + ": the best model wins the tempo");
        assertTrue(second < best && lazy <= second, served + ": " + best + " > " + second + " >= " + lazy);
        assertEquals(0, queries.refusals(1));
      }
    }
  }

  @Nested
  class Permits {
    @Test
    void shouldNotPlayWhileTheValidatorHoldsNoPermit() {
      try (DemoQueries queries = new DemoQueries()) {
        List<DemoQueries.ServedMiner> served = queries.serve(1, DemoKind.FORECASTING, List.of(VALIDATOR), MINERS);

        assertTrue(queries.play(metagraph(served, Map.of())).isEmpty());
      }
    }

    @Test
    void shouldPlayEveryPermittedValidatorOnTheSameChallenges() {
      SigningKey second = SigningKey.generate();
      try (DemoQueries queries = new DemoQueries()) {
        // given
        List<DemoQueries.ServedMiner> served = queries.serve(1, DemoKind.FORECASTING, List.of(VALIDATOR, second), MINERS);
        // when
        Map<String, Map<String, Double>> both =
            queries.play(metagraph(served, Map.of(VALIDATOR.hotkey(), STAKE, second.hotkey(), STAKE)));
        Map<String, Map<String, Double>> one = queries.play(metagraph(served, Map.of(VALIDATOR.hotkey(), STAKE)));
        // then: the same block draws the same challenge, and the miners' models are deterministic
        assertEquals(Set.of(VALIDATOR.hotkey(), second.hotkey()), both.keySet());
        assertEquals(both.get(VALIDATOR.hotkey()), both.get(second.hotkey()));
        assertEquals(Set.of(VALIDATOR.hotkey()), one.keySet(), "a validator without a permit does not play");
      }
    }

    @Test
    void shouldAdmitACallerOnlyOnceTheMetagraphGivesItAPermit() {
      try (DemoQueries queries = new DemoQueries()) {
        // given
        List<DemoQueries.ServedMiner> served = queries.serve(1, DemoKind.FORECASTING, List.of(VALIDATOR), MINERS);
        SigningKey outsider = SigningKey.generate();
        queries.play(metagraph(served, Map.of(VALIDATOR.hotkey(), STAKE)));
        try (QueryRound<ForecastQuery, ForecastAnswer> round = outsiderRound(queries, outsider, served)) {
          // when
          Round<ForecastQuery, ForecastAnswer> refused = round.ask(query());
          long refusals = queries.refusals(1);
          queries.play(metagraph(served, Map.of(VALIDATOR.hotkey(), STAKE, outsider.hotkey(), 1L)));
          Round<ForecastQuery, ForecastAnswer> admitted = round.ask(query());
          // then
          assertTrue(refused.responses().stream().noneMatch(r -> r instanceof Response.Answered<ForecastAnswer>), refused.toString());
          assertEquals(MINERS.size(), refusals, "each miner refused the caller without a permit");
          assertTrue(admitted.responses().stream().allMatch(r -> r instanceof Response.Answered<ForecastAnswer>), admitted.toString());
        }
      }
    }

    private QueryRound<ForecastQuery, ForecastAnswer> outsiderRound(
        DemoQueries queries, SigningKey outsider, List<DemoQueries.ServedMiner> served) {
      List<MinerTarget> targets = new ArrayList<>();
      for (int j = 0; j < MINERS.size(); j++) {
        targets.add(ServedEndpoint.target(MINERS.get(j).hotkey(), served.get(j).endpoint()));
      }
      QueryRound<ForecastQuery, ForecastAnswer> round =
          QueryRound.forecasting(
              queries.node(), outsider, FanOutSettings.of(ServedEndpoint.channel(DemoQueries.freeEndpoint()), 3_001), targets, Duration.ofMillis(500));
      assertTrue(round.awaitConnected(Duration.ofSeconds(5)));
      return round;
    }

    private ForecastQuery query() {
      return new ForecastTask(SeriesCatalog.CO2.load(), 24, 6).challengeAt(100).query();
    }
  }

  /**
   * Subnet 1 as the chain would show it: the owner (UID 0), the validator (UID 1) and the miners,
   * each with the endpoint it served; {@code permitted} hold a permit at their stake.
   */
  private static Metagraph metagraph(List<DemoQueries.ServedMiner> served, Map<String, Long> permitted) {
    List<Metagraph.Row> rows = new ArrayList<>();
    rows.add(row(0, "owner-hot", 0, true, null));
    for (Map.Entry<String, Long> p : permitted.entrySet()) {
      rows.add(row(rows.size(), p.getKey(), p.getValue(), true, null));
    }
    if (!permitted.containsKey(VALIDATOR.hotkey())) {
      rows.add(row(rows.size(), VALIDATOR.hotkey(), STAKE, false, null));
    }
    for (int j = 0; j < MINERS.size(); j++) {
      rows.add(row(rows.size(), MINERS.get(j).hotkey(), 0, false, served.get(j).endpoint()));
    }
    return new Metagraph(1, "owner", 100, 1, 20, 1, rows);
  }

  private static Metagraph.Row row(int uid, String hotkey, long stake, boolean permit, String endpoint) {
    return new Metagraph.Row(uid, hotkey, hotkey + ".cold", stake, permit, 0, 0, 0, 0, 0, 1, 1, endpoint);
  }

  private static Set<String> hotkeys(List<SigningKey> keys) {
    return Set.copyOf(keys.stream().map(SigningKey::hotkey).toList());
  }
}
