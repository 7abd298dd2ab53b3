package io.taofabric.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.deploy.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code fabric demo} end to end, in this JVM, on the build's Cassandra node (which it must use,
 * since a node serves the configured CQL port, and leave running): two subnets of three miners run
 * two epochs each. The demo ends with status 0; each subnet's table has the miner of the best model
 * on top; the ledger's audit shows both subnets' epochs settled with the invariants holding; and
 * nothing it started is left: no thread of its node, nothing on its cluster port, no Aeron driver
 * directory of this JVM.
 */
@Timeout(600)
class NetworkDemoIT {
  private static final int CASSANDRA = InProcessDemo.CASSANDRA;
  private static final int EPOCHS = 2;
  private static final Pattern MINERS = Pattern.compile("^subnet (\\d+) \\((\\w+)\\): validators \\w+; miners ([\\w-]+) (\\w{8}),", Pattern.MULTILINE);
  private static final Pattern SETTLED = Pattern.compile("^ledger: subnet 1 settled (\\d+) epochs, subnet 2 settled (\\d+) epochs$", Pattern.MULTILINE);

  @BeforeEach
  void journalOnTheBuildsNode() {
    InProcessDemo.useTheBuildsCassandra();
  }

  @AfterEach
  void restore() {
    InProcessDemo.restoreCassandra();
  }

  @Test
  void shouldRunTheNetworkPrintEverySubnetsTableAndTheAuditThenLeaveNothingRunning() throws Exception {
    // given
    Set<Path> driversBefore = InProcessDemo.aeronDirectories();
    // when
    CliRun run = CliRun.of("demo", "--subnets", "2", "--miners", "3", "--epochs", Integer.toString(EPOCHS));
    System.out.println(run.out());
    // then
    String out = run.out();
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(out.contains("cassandra: using the node on 127.0.0.1:" + CASSANDRA + ", which keeps running afterwards"), out);
    assertTrue(out.contains("| epochs sn1 " + EPOCHS + "/" + EPOCHS + ", sn2 " + EPOCHS + "/" + EPOCHS + " | emission paid "), out);

    Matcher miners = MINERS.matcher(out);
    List<String> kinds = List.of("forecasting", "classification");
    for (int netuid = 1; netuid <= 2; netuid++) {
      assertTrue(miners.find(), "subnet " + netuid + "'s miners: " + out);
      assertEquals(Integer.toString(netuid), miners.group(1));
      assertEquals(kinds.get(netuid - 1), miners.group(2));
      List<String> table = tableOf(out, netuid, miners.group(2));
      // miner 0 serves the kind's best model
      String top = table.get(2);
      assertTrue(top.endsWith("  " + miners.group(4) + "  miner: " + miners.group(3)), "best model on top: " + table);
      assertTrue(top.contains(" 1.00000 "), "it holds the incentive: " + top);
    }

    Matcher settled = SETTLED.matcher(out);
    assertTrue(settled.find(), out);
    assertTrue(Integer.parseInt(settled.group(1)) >= EPOCHS && Integer.parseInt(settled.group(2)) >= EPOCHS, settled.group());
    String audit = out.lines().filter(l -> l.startsWith("ledger: ") && l.contains(" events, issuance ")).findFirst().orElseThrow();
    assertTrue(audit.endsWith(", invariants OK"), audit);

    InProcessDemo.assertNothingLeft(out, driversBefore);
  }

  /** The lines of subnet {@code netuid}'s table: title, header, rows and summary. */
  private static List<String> tableOf(String out, int netuid, String kind) {
    List<String> lines = out.lines().toList();
    String title = "subnet " + netuid + " (" + kind + ") after ";
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(title)) {
        int end = i;
        while (!lines.get(end).contains(" UIDs, ")) {
          end++;
        }
        return lines.subList(i, end + 1);
      }
    }
    throw new AssertionError("no table of subnet " + netuid + ": " + out);
  }
}
