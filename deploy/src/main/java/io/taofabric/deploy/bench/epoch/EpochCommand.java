package io.taofabric.deploy.bench.epoch;

import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.YumaEpoch;
import io.taofabric.deploy.bench.Machine;
import io.taofabric.deploy.bench.Sizes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fabric bench epoch}: the epoch engine under JMH against the spec's reference model. */
@Command(
    name = "epoch",
    mixinStandardHelpOptions = true,
    description =
        "Times one Yuma Consensus epoch (classic and Yuma 3 bonds) under JMH, then the spec's reference"
            + " model yuma_ref.py (python3) on the same snapshots, and checks that both compute the same"
            + " incentive and dividends.")
public final class EpochCommand implements Callable<Integer> {
  /** The reference model's epochs per snapshot, and the time after which it stops repeating one. */
  private static final int REFERENCE_EPOCHS = 3;

  private static final double REFERENCE_SECONDS = 10;

  /** A single reference epoch running longer than this is stopped; it would only stall the bench. */
  private static final long REFERENCE_HARD_LIMIT_SECONDS = 600;

  @Spec CommandSpec spec;

  @Option(names = "--n", split = ",", paramLabel = "N", description = "Subnet sizes in UIDs, comma-separated (default ${DEFAULT-VALUE}).")
  List<Integer> sizes = List.of(64, 256, 1024, 4096);

  @Option(names = "--forks", paramLabel = "N", description = "JMH forks per figure; 0 runs in this JVM (default ${DEFAULT-VALUE}).")
  int forks = 1;

  @Option(names = "--warmup-seconds", paramLabel = "SECONDS", description = "JMH warm-up per figure, in iterations of at most 1 s (default ${DEFAULT-VALUE}).")
  double warmUpSeconds = 3;

  @Option(names = "--measure-seconds", paramLabel = "SECONDS", description = "JMH measurement per figure, likewise (default ${DEFAULT-VALUE}).")
  double measureSeconds = 5;

  @Option(
      names = "--baseline-up-to",
      paramLabel = "N",
      description = "Largest n the reference model runs for; it is pure Python, about 8 s per epoch at n = 4096 (default ${DEFAULT-VALUE}).")
  int baselineUpTo = 4096;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Integer> n = Sizes.ascending(sizes, 65_536, "--n", spec);
    if (forks < 0) {
      throw new ParameterException(spec.commandLine(), "--forks must be 0 or more");
    }
    IterationPlan warmUp = plan("--warmup-seconds", warmUpSeconds);
    IterationPlan measurement = plan("--measure-seconds", measureSeconds);
    if (measurement.iterations() == 0) {
      throw new ParameterException(spec.commandLine(), "--measure-seconds must be more than 0");
    }
    EngineBench engine = new EngineBench(n, forks, warmUp, measurement);
    out.println(Machine.line());
    out.printf(
        Locale.ROOT,
        "JMH: n = %s, classic and yuma3, %d fork(s), warm-up %s, measurement %s, average time, GC profiler; about %.0f s%n",
        n,
        forks,
        warmUp,
        measurement,
        engine.estimatedSeconds());
    out.flush();
    List<EngineFigure> figures = engine.run();
    out.printf(
        Locale.ROOT,
        "baseline: yuma_ref.py under python3, up to %d epochs or %.0f s per snapshot, for n <= %d%n",
        REFERENCE_EPOCHS,
        REFERENCE_SECONDS,
        baselineUpTo);
    out.flush();
    List<EpochLine> lines = new ArrayList<>();
    ReferenceModel reference = null;
    String unavailable = null;
    try {
      reference = ReferenceModel.open(REFERENCE_EPOCHS, REFERENCE_SECONDS);
    } catch (ReferenceModel.Unavailable e) {
      unavailable = e.getMessage();
    }
    try {
      for (EngineFigure figure : figures) {
        EpochLine line = baseline(figure, reference, unavailable);
        out.println(line.format());
        out.flush();
        lines.add(line);
      }
    } finally {
      if (reference != null) {
        reference.close();
      }
    }
    for (String growth : EpochLine.growth(lines)) {
      out.println(growth);
    }
    out.flush();
    return lines.stream().anyMatch(EpochLine::disagrees) ? 1 : 0;
  }

  private IterationPlan plan(String option, double seconds) {
    try {
      return IterationPlan.ofSeconds(seconds);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  private EpochLine baseline(EngineFigure figure, ReferenceModel reference, String unavailable) throws Exception {
    if (reference == null) {
      return EpochLine.withoutBaseline(figure, "baseline unavailable (" + unavailable + ")");
    }
    if (figure.n() > baselineUpTo) {
      return EpochLine.withoutBaseline(figure, "baseline not run (n > " + baselineUpTo + ", see --baseline-up-to)");
    }
    SubnetSnapshots.Snapshot snapshot = SubnetSnapshots.forEpochBench(figure.n(), EpochBenchmark.isYuma3(figure.mode()));
    EpochResult engine = YumaEpoch.run(snapshot.input(), snapshot.params(), SubnetSnapshots.RAO_EMISSION);
    try {
      ReferenceRun run =
          reference.run(snapshot.input(), snapshot.params(), SubnetSnapshots.RAO_EMISSION, REFERENCE_HARD_LIMIT_SECONDS);
      return EpochLine.withBaseline(figure, run, run.agreementWith(engine.incentive(), engine.dividends()));
    } catch (ReferenceModel.Unavailable e) {
      return EpochLine.withoutBaseline(figure, "baseline unavailable (" + e.getMessage() + ")");
    }
  }
}
