package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.subnet.Metagraph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPlanTest {
  private final SigningKey small = SigningKey.generate();
  private final SigningKey large = SigningKey.generate();
  private final SigningKey unpermitted = SigningKey.generate();

  /** A row: permit and stake, incentive (u16), endpoint or null. */
  private static Metagraph.Row row(int uid, String hotkey, boolean permit, long stake, int incentive, String endpoint) {
    return new Metagraph.Row(uid, hotkey, "cold", stake, permit, 0, incentive, 0, 0, 0, 1, 1, endpoint);
  }

  private Metagraph metagraph() {
    List<Metagraph.Row> rows = new ArrayList<>();
    rows.add(row(0, small.hotkey(), true, 10, 0, null));
    rows.add(row(1, large.hotkey(), true, 500, 0, "10.0.0.1:1"));
    rows.add(row(2, "miner-low", false, 0, 1_000, "10.0.0.2:1"));
    rows.add(row(3, "miner-top", false, 0, 60_000, "10.0.0.3:1"));
    rows.add(row(4, "miner-mid", false, 7, 30_000, "10.0.0.4:1"));
    rows.add(row(5, "miner-mid-less-stake", false, 3, 30_000, "10.0.0.5:1"));
    rows.add(row(6, "miner-silent", false, 0, 65_535, null));
    rows.add(row(7, unpermitted.hotkey(), false, 900, 0, null));
    return new Metagraph(2, "owner", 100, 3, 10, 1, rows);
  }

  @Test
  void shouldSignAsThePermittedKeyWithTheMostStakeAndAskTheBestServingMiners() {
    QueryPlan plan = assertInstanceOf(QueryPlan.Ready.class, QueryPlan.of(metagraph(), List.of(unpermitted, small, large), 3)).plan();
    assertEquals(large.hotkey(), plan.signer().hotkey());
    assertEquals(List.of("miner-top", "miner-mid", "miner-mid-less-stake"), plan.miners().stream().map(QueryPlan.Miner::hotkey).toList());
    assertEquals(60_000 / 65_535.0, plan.miners().get(0).incentive());
  }

  @Test
  void shouldNeverAskTheSigningKeyItself() {
    QueryPlan plan = assertInstanceOf(QueryPlan.Ready.class, QueryPlan.of(metagraph(), List.of(large), 10)).plan();
    assertEquals(4, plan.miners().size(), "every serving row but the signer's");
  }

  @Test
  void shouldRefuseWithoutAPermittedKeyOrAServingMiner() {
    assertEquals("no_query_key", ((QueryPlan.Impossible) QueryPlan.of(metagraph(), List.of(unpermitted), 3)).error().reason());
    Metagraph alone = new Metagraph(2, "owner", 100, 3, 10, 1, List.of(row(0, small.hotkey(), true, 10, 0, null)));
    QueryPlan.Impossible none = assertInstanceOf(QueryPlan.Impossible.class, QueryPlan.of(alone, List.of(small), 3));
    assertEquals("no_miners", none.error().reason());
    assertEquals(503, none.error().status());
  }
}
