package io.taofabric.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.deploy.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fabric demo --adversarial} on the classification subnet, whose miners are Tribuo models. */
class DemoCommandTest {
  private static final String SHARE = "honest share of miner emission: ";
  private static final String SPEARMAN = "spearman(incentive, true quality): ";
  private static final String COPIER = "copier validator dividends per stake vs honest: ";

  /** The three figures, read from the report's last three lines. */
  private static double[] figures(CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    List<String> last = lines.subList(lines.size() - 3, lines.size());
    assertTrue(last.get(0).startsWith(SHARE), last.toString());
    assertTrue(last.get(1).startsWith(SPEARMAN), last.toString());
    assertTrue(last.get(2).startsWith(COPIER), last.toString());
    return new double[] {
      Double.parseDouble(last.get(0).substring(SHARE.length())),
      Double.parseDouble(last.get(1).substring(SPEARMAN.length())),
      Double.parseDouble(last.get(2).substring(COPIER.length()))
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "2", "3"})
  void shouldMeetEveryTargetOnTheClassificationSubnet(String seed) {
    double[] f = figures(CliRun.of("demo", "--adversarial", "--subnet", "classification", "--seed", seed));

    assertTrue(f[0] >= 0.9, "honest share " + f[0]);
    assertTrue(f[1] >= 0.8, "spearman " + f[1]);
    assertTrue(f[2] <= 0.5, "copier ratio " + f[2]);
  }

  @Test
  void shouldLetTheWeightCopierKeepUpOnlyWhenWeightsArePublicAtOnce() {
    double open = figures(CliRun.of("demo", "--adversarial", "--subnet", "classification", "--no-commit-reveal"))[2];

    assertTrue(open >= 0.95, "without commit-reveal " + open);
  }

  @Test
  void shouldRefuseOptionsThatMakeNoRun() {
    assertEquals(DemoCommand.BAD_OPTIONS, CliRun.of("demo", "--adversarial", "--subnet", "images").exitCode());
    CliRun tooMany = CliRun.of("demo", "--adversarial", "--miners", "honest=9");
    assertEquals(DemoCommand.BAD_OPTIONS, tooMany.exitCode());
    assertEquals("fabric demo: 9 honest miners asked for, 7 distinct models available\n", tooMany.err());
  }
}
