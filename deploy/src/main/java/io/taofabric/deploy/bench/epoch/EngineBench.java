package io.taofabric.deploy.bench.epoch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** {@link EpochBenchmark} run through JMH's API, with the sizes and iterations given on the command line. */
final class EngineBench {
  private static final String ALLOCATION = "gc.alloc.rate.norm";

  private final List<Integer> sizes;
  private final int forks;
  private final IterationPlan warmUp;
  private final IterationPlan measurement;

  EngineBench(List<Integer> sizes, int forks, IterationPlan warmUp, IterationPlan measurement) {
    this.sizes = sizes;
    this.forks = forks;
    this.warmUp = warmUp;
    this.measurement = measurement;
  }

  /** Roughly how long the run takes: each figure's iterations plus a JVM start and a snapshot per fork. */
  double estimatedSeconds() {
    double perFork = warmUp.seconds() + measurement.seconds() + 2;
    return sizes.size() * 2.0 * Math.max(1, forks) * perFork;
  }

  /** One figure per size and mode, by size, classic first. */
  List<EngineFigure> run() throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(EpochBenchmark.class.getName()) + "\\.")
            .param("n", sizes.stream().map(String::valueOf).toArray(String[]::new))
            .forks(forks)
            .warmupIterations(warmUp.iterations())
            .warmupTime(TimeValue.milliseconds(warmUp.millisEach()))
            .measurementIterations(measurement.iterations())
            .measurementTime(TimeValue.milliseconds(measurement.millisEach()))
            .timeUnit(TimeUnit.MICROSECONDS)
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            // the command prints its own lines; JMH's per-iteration log would bury them
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    List<EngineFigure> figures = new ArrayList<>();
    for (RunResult r : results) {
      figures.add(
          new EngineFigure(
              Integer.parseInt(r.getParams().getParam("n")),
              r.getParams().getParam("mode"),
              r.getPrimaryResult().getScore(),
              r.getPrimaryResult().getScoreError(),
              allocation(r)));
    }
    figures.sort(Comparator.comparingInt(EngineFigure::n).thenComparing(EngineFigure::mode));
    return figures;
  }

  private static double allocation(RunResult r) {
    // JMH's secondary results use raw types; reading them by label avoids naming one
    for (String label : r.getSecondaryResults().keySet()) {
      // JMH prefixes secondary labels with a middle dot in some outputs; match either spelling
      if (label.replace("·", "").equals(ALLOCATION)) {
        return r.getSecondaryResults().get(label).getScore();
      }
    }
    return Double.NaN;
  }
}
