package io.taofabric.deploy.demo;

import io.taofabric.core.subnet.Metagraph;
import io.taofabric.deploy.epoch.MetagraphTable;
import io.taofabric.deploy.node.NetworkBootstrap;
import io.taofabric.deploy.node.NetworkBootstrap.DemoSubnet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A demonstration subnet's metagraph as a {@link MetagraphTable}, highest incentive first, so the
 * miner the validators found best heads it; each row says who the UID is: the owner, a validator,
 * or a miner and the model it serves.
 */
final class SubnetTable {
  /** Highest incentive first, then the larger stake (the validators), then the lower UID. */
  private static final Comparator<Metagraph.Row> BY_INCENTIVE =
      Comparator.comparingInt(Metagraph.Row::incentive)
          .thenComparingLong(Metagraph.Row::stake)
          .reversed()
          .thenComparingInt(Metagraph.Row::uid);

  private SubnetTable() {}

  /** Prints {@code metagraph}, the metagraph of {@code subnet}. */
  static void print(PrintWriter out, DemoSubnet subnet, Metagraph metagraph) {
    String title =
        String.format(
            Locale.ROOT,
            "subnet %d (%s) after %s, at block %d, by incentive",
            metagraph.netuid(),
            subnet.kind().name().toLowerCase(Locale.ROOT),
            NetworkDemo.epochs(metagraph.epochs()),
            metagraph.block());
    MetagraphTable.print(out, title, List.of("HOTKEY", "ROLE"), rows(subnet, metagraph));
  }

  /** The table's rows, in its order. */
  static List<MetagraphTable.Row> rows(DemoSubnet subnet, Metagraph metagraph) {
    List<MetagraphTable.Row> rows = new ArrayList<>();
    for (Metagraph.Row n : metagraph.neurons().stream().sorted(BY_INCENTIVE).toList()) {
      rows.add(
          new MetagraphTable.Row(
              n.uid(),
              n.stake(),
              n.consensus(),
              n.incentive(),
              n.dividends(),
              n.validatorTrust(),
              n.emission(),
              n.validatorPermit(),
              List.of(NetworkBootstrap.shortKey(n.hotkey()), role(subnet, metagraph, n))));
    }
    return rows;
  }

  private static String role(DemoSubnet subnet, Metagraph metagraph, Metagraph.Row n) {
    String model = subnet.modelOf(n.hotkey());
    if (model != null) {
      return "miner: " + model;
    }
    if (subnet.validators().contains(n.hotkey())) {
      return "validator";
    }
    return n.coldkey() != null && n.coldkey().equals(metagraph.ownerColdkey()) ? "owner" : "";
  }
}
