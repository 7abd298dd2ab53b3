package io.taofabric.deploy.demo;

import io.taofabric.core.sim.ForecastSubnet;
import io.taofabric.core.sim.IntegrityReport;
import io.taofabric.core.sim.IntegritySimulation;
import io.taofabric.core.sim.MinerMix;
import io.taofabric.core.sim.SimConfig;
import io.taofabric.deploy.cli.WalletsRoot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fabric demo}: without options, a whole network on this machine ({@link NetworkDemo});
 * with {@code --adversarial}, the seeded simulation of honest and cheating participants through
 * many epochs. {@code --miners} and {@code --epochs} serve both, each in its own way; the other
 * options belong to one mode, and the other refuses them.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Without --adversarial: runs a whole network on this machine. Starts the local",
      "Cassandra node (unless a node serves its CQL port; then it is used and left",
      "running), empties the keyspace taofabric_demo, starts a cluster node with a",
      "fast block clock, creates --subnets subnets (odd netuids forecast a series,",
      "even ones classify digits), registers --validators staked validators and",
      "--miners miners serving real models over Aeron in each, and runs --epochs",
      "epochs per subnet with a progress line. Ends with each subnet's metagraph and",
      "the ledger's audit, then stops everything it started (also on Ctrl-C), or with",
      "--keep-running keeps the network up until Ctrl-C, serves the gateway and",
      "writes the faucet wallet demo-faucet (in --wallet-path).",
      "",
      "With --adversarial: runs a seeded simulation of honest, lazy, copycat and",
      "sybil miners and of honest and weight-copying validators through many epochs",
      "of a subnet, and reports who earned what. The last three lines are the honest",
      "miners' share of miner emission, the Spearman correlation of incentive with",
      "true (held-out) quality, and the copier's dividends per stake relative to the",
      "honest validators'.",
      "",
      "Exit status 2 with one line on stderr for bad options, 1 if the network failed",
      "or its ledger audit found an invariant broken."
    })
public final class DemoCommand implements Callable<Integer> {
  /** Exit status for options that do not make a run. */
  public static final int BAD_OPTIONS = 2;

  private static final int DEFAULT_SUBNETS = 2;
  private static final int DEFAULT_MINERS = 3;
  private static final int DEFAULT_VALIDATORS = 1;
  private static final int DEFAULT_EPOCHS = 5;
  private static final String DEFAULT_MIX = "honest=5,lazy-constant=1,lazy-random=1,copycat=2,sybil=3";
  private static final int DEFAULT_ADVERSARIAL_EPOCHS = 60;
  private static final List<String> NETWORK_ONLY = List.of("--subnets", "--validators", "--keep-running", "--wallet-path");
  private static final List<String> ADVERSARIAL_ONLY = List.of("--seed", "--subnet", "--commit-reveal");

  @Spec CommandSpec spec;

  @Option(names = "--adversarial", description = "The adversarial simulation instead of a network.")
  boolean adversarial;

  @Option(names = "--subnets", paramLabel = "N", description = "Subnets of the network (default " + DEFAULT_SUBNETS + ", at most " + NetworkDemo.Shape.MAX_SUBNETS + ").")
  Integer subnets;

  @Option(
      names = "--validators",
      paramLabel = "N",
      description = "Validators per subnet, each staked, all asking the same challenges (default " + DEFAULT_VALIDATORS + ").")
  Integer validators;

  @Option(names = "--keep-running", description = "Keep the network up after the tables, until Ctrl-C.")
  boolean keepRunning;

  /** Where --keep-running writes the faucet wallet: the wallet commands' --wallet-path. */
  @Mixin WalletsRoot walletsRoot;

  @Option(
      names = "--miners",
      paramLabel = "N|KIND=N,...",
      description =
          "Miners per subnet (default " + DEFAULT_MINERS + "; the first serves the best model, the last a lazy one)."
              + " With --adversarial, miners per strategy: honest (up to 7), lazy-constant, lazy-random, copycat,"
              + " sybil (default " + DEFAULT_MIX + ").")
  String miners;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Epochs per subnet (default " + DEFAULT_EPOCHS + "; with --adversarial " + DEFAULT_ADVERSARIAL_EPOCHS + ").")
  Integer epochs;

  @Option(names = "--seed", defaultValue = "1", description = "With --adversarial: seed of every random draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--subnet",
      defaultValue = "both",
      description = "With --adversarial: forecast, classification or both (default: ${DEFAULT-VALUE}).")
  String subnet;

  @Option(
      names = "--commit-reveal",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "With --adversarial: hide weights until revealed; --no-commit-reveal shows what the copier gains without it.")
  boolean commitReveal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String misplaced = misplacedOption();
    if (misplaced != null) {
      err.println("fabric demo: " + misplaced);
      err.flush();
      return BAD_OPTIONS;
    }
    if (adversarial) {
      return adversarial(out, err);
    }
    NetworkDemo.Shape shape;
    try {
      shape =
          new NetworkDemo.Shape(
              subnets == null ? DEFAULT_SUBNETS : subnets,
              miners == null ? DEFAULT_MINERS : minersPerSubnet(miners),
              validators == null ? DEFAULT_VALIDATORS : validators,
              epochs == null ? DEFAULT_EPOCHS : epochs);
    } catch (IllegalArgumentException e) {
      err.println("fabric demo: " + e.getMessage());
      err.flush();
      return BAD_OPTIONS;
    }
    return new NetworkDemo(shape, keepRunning, walletsRoot.wallets(), out, err, System.console() != null).run();
  }

  /** The option given that the chosen mode does not take, said in one line, or null. */
  private String misplacedOption() {
    List<String> foreign = adversarial ? NETWORK_ONLY : ADVERSARIAL_ONLY;
    for (String option : foreign) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        return adversarial ? option + " is not an option of --adversarial" : option + " needs --adversarial";
      }
    }
    return null;
  }

  private static int minersPerSubnet(String value) {
    if (!value.matches("\\d{1,9}")) {
      throw new IllegalArgumentException("--miners is a number of miners per subnet (a mix needs --adversarial), got '" + value + "'");
    }
    return Integer.parseInt(value);
  }

  private int adversarial(PrintWriter out, PrintWriter err) {
    boolean forecast = subnet.equals("forecast") || subnet.equals("both");
    boolean classification = subnet.equals("classification") || subnet.equals("both");
    if (!forecast && !classification) {
      err.println("fabric demo: --subnet is forecast, classification or both, not '" + subnet + "'");
      return BAD_OPTIONS;
    }
    List<IntegrityReport> reports = new ArrayList<>();
    try {
      MinerMix mix = MinerMix.parse(miners == null ? DEFAULT_MIX : miners);
      SimConfig config = SimConfig.defaults(seed).withEpochs(adversarialEpochs()).withCommitReveal(commitReveal);
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
      IntegrityReport.worstFigures(reports).forEach(out::println);
    }
    out.flush();
    return 0;
  }

  private int adversarialEpochs() {
    return epochs == null ? DEFAULT_ADVERSARIAL_EPOCHS : epochs;
  }

  private IntegrityReport print(PrintWriter out, String title, IntegrityReport report) {
    out.println(
        String.format(
            Locale.ROOT, "== %s: seed %d, %d epochs, commit-reveal %s", title, seed, adversarialEpochs(), commitReveal ? "on" : "off"));
    report.lines().forEach(out::println);
    return report;
  }
}
