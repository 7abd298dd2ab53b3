package io.taofabric.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.deploy.epoch.MetagraphTable;
import io.taofabric.deploy.node.DemoKind;
import io.taofabric.deploy.node.NetworkBootstrap.DemoMiner;
import io.taofabric.deploy.node.NetworkBootstrap.DemoSubnet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A demonstration subnet's metagraph as a table, and the ledger's line of settled epochs. */
class SubnetTableTest {
  private static final String OWNER = "a".repeat(64);
  private static final String VALIDATOR = "b".repeat(64);
  private static final String BEST = "c".repeat(64);
  private static final String LAZY = "d".repeat(64);
  private static final DemoSubnet SUBNET =
      new DemoSubnet(1, DemoKind.FORECASTING, List.of(VALIDATOR), List.of(new DemoMiner(BEST, "seasonal-growth"), new DemoMiner(LAZY, "lazy-zero")));
  private static final Metagraph METAGRAPH =
      new Metagraph(
          1,
          "owner-0",
          105,
          5,
          20,
          1,
          List.of(
              row(0, OWNER, "owner-0", 2_317_400_000L, 0, 0, 472_487_983),
              row(1, VALIDATOR, "validator-1-0.cold", 106_252_500_000L, 0, 65_535, 1_076_256_008),
              row(2, BEST, "miner-1-0.cold", 4_305_000_000L, 65_535, 0, 1_076_256_008),
              row(3, LAZY, "miner-1-1.cold", 0, 0, 0, 0)));

  @Test
  void shouldPutTheMinerOfHighestIncentiveOnTopThenTheLargerStakes() {
    List<MetagraphTable.Row> rows = SubnetTable.rows(SUBNET, METAGRAPH);

    assertEquals(List.of(2, 1, 0, 3), rows.stream().map(MetagraphTable.Row::uid).toList());
    assertEquals(List.of("cccccccc", "miner: seasonal-growth"), rows.get(0).labels());
    assertEquals(List.of("bbbbbbbb", "validator"), rows.get(1).labels());
    assertEquals(List.of("aaaaaaaa", "owner"), rows.get(2).labels());
    assertEquals(List.of("dddddddd", "miner: lazy-zero"), rows.get(3).labels());
  }

  @Test
  void shouldPrintATitledTableInBtclisColumnsWithASummary() {
    StringWriter text = new StringWriter();

    SubnetTable.print(new PrintWriter(text, true), SUBNET, METAGRAPH);

    List<String> lines = text.toString().lines().toList();
    assertEquals("subnet 1 (forecasting) after 5 epochs, at block 105, by incentive", lines.get(0));
    assertEquals(
        "  UID       STAKE(τ) CONSENSUS INCENTIVE DIVIDENDS    VTRUST    EMISSION(ρ) VPERMIT  HOTKEY    ROLE", lines.get(1));
    assertEquals(
        "    2         4.3050   1.00000   1.00000   0.00000   0.00000     1076256008       *  cccccccc  miner: seasonal-growth",
        lines.get(2));
    assertEquals(
        "    0         2.3174   0.00000   0.00000   0.00000   0.00000      472487983       *  aaaaaaaa  owner", lines.get(4));
    assertEquals("4 UIDs, 4 validator permits, stake 112.8749 τ, emission 2624999999 ρ", lines.get(6));
    assertTrue(lines.stream().noneMatch(l -> l.endsWith(" ")), "no trailing blanks");
  }

  @Test
  void shouldSayHowManyEpochsEachSubnetSettled() {
    LedgerSummary summary = new LedgerSummary(10, 0, 0, 0, 0, "0", List.of(), Map.of(), Map.of(2, 7L, 1, 1L));

    assertEquals("ledger: subnet 1 settled 1 epoch, subnet 2 settled 7 epochs", NetworkDemo.settledLine(summary));
  }

  private static Metagraph.Row row(int uid, String hotkey, String coldkey, long stake, int incentive, int dividends, long emission) {
    return new Metagraph.Row(uid, hotkey, coldkey, stake, true, incentive, incentive, dividends, dividends, emission, 1, 1, null);
  }
}
