package io.taofabric.deploy.demo;

import io.taofabric.core.sim.ForecastSubnet;
import io.taofabric.core.sim.IntegrityReport;
import io.taofabric.core.sim.IntegritySimulation;
import io.taofabric.core.sim.MinerMix;
import io.taofabric.core.sim.SimConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fabric demo --adversarial}: honest and cheating participants through many epochs. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a seeded simulation of honest, lazy, copycat and sybil miners and of honest and",
      "weight-copying validators through many epochs of a subnet, and reports who earned what.",
      "The last three lines are the honest miners' share of miner emission, the Spearman",
      "correlation of incentive with true (held-out) quality, and the copier's dividends per",
      "stake relative to the honest validators'. Exit status 2 with one line on stderr for bad options."
    })
public final class DemoCommand implements Callable<Integer> {
  /** Exit status for options that do not make a run. */
  public static final int BAD_OPTIONS = 2;

  @Spec CommandSpec spec;

  @Option(names = "--adversarial", description = "The adversarial mix (the only demo so far).")
  boolean adversarial;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--miners",
      paramLabel = "KIND=N,...",
      defaultValue = "honest=5,lazy-constant=1,lazy-random=1,copycat=2,sybil=3",
      description = "Miners per strategy: honest (up to 7), lazy-constant, lazy-random, copycat, sybil (default: ${DEFAULT-VALUE}).")
  String miners;

  @Option(names = "--epochs", defaultValue = "60", description = "Epochs to run (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--subnet",
      defaultValue = "both",
      description = "forecast, classification or both (default: ${DEFAULT-VALUE}).")
  String subnet;

  @Option(
      names = "--commit-reveal",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Hide weights until revealed; --no-commit-reveal shows what the copier gains without it.")
  boolean commitReveal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!adversarial) {
      err.println("fabric demo: name the demo: --adversarial");
      return BAD_OPTIONS;
    }
    boolean forecast = subnet.equals("forecast") || subnet.equals("both");
    boolean classification = subnet.equals("classification") || subnet.equals("both");
    if (!forecast && !classification) {
      err.println("fabric demo: --subnet is forecast, classification or both, not '" + subnet + "'");
      return BAD_OPTIONS;
    }
    List<IntegrityReport> reports = new ArrayList<>();
    try {
      MinerMix mix = MinerMix.parse(miners);
      SimConfig config = SimConfig.defaults(seed).withEpochs(epochs).withCommitReveal(commitReveal);
      if (forecast) {
        reports.add(print(out, "forecasting subnet (DAX, CO2, sunspots, airline passengers)",
            new IntegritySimulation<>(ForecastSubnet.task(), ForecastSubnet.lineup().contestants(mix, seed), config).run()));
      }
      if (classification) {
        ClassificationSubnet digits = ClassificationSubnet.of(seed);
        reports.add(print(out, "classification subnet (digits, Tribuo miners)",
            new IntegritySimulation<>(digits.task(), digits.lineup().contestants(mix, seed), config).run()));
      }
    } catch (IllegalArgumentException e) {
      err.println("fabric demo: " + e.getMessage());
      return BAD_OPTIONS;
    }
    if (reports.size() > 1) {
      out.println("== network: for each figure, the worse subnet's");
      IntegrityReport.figures(
              reports.stream().mapToDouble(IntegrityReport::honestShare).min().orElseThrow(),
              reports.stream().mapToDouble(IntegrityReport::spearman).min().orElseThrow(),
              reports.stream().mapToDouble(IntegrityReport::copierRatio).max().orElseThrow())
          .forEach(out::println);
    }
    out.flush();
    return 0;
  }

  private IntegrityReport print(PrintWriter out, String title, IntegrityReport report) {
    out.println(String.format(Locale.ROOT, "== %s: seed %d, %d epochs, commit-reveal %s", title, seed, epochs, commitReveal ? "on" : "off"));
    report.lines().forEach(out::println);
    return report;
  }
}
