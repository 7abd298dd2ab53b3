package io.taofabric.deploy.bench.epoch;

import io.taofabric.deploy.bench.Growth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One printed figure of {@code fabric bench epoch}: the engine's time, and either the reference
 * model's on the same snapshot with whether the two agree, or why there is no baseline (the other
 * components null).
 */
record EpochLine(EngineFigure engine, ReferenceRun reference, ReferenceRun.Agreement agreement, String noBaseline) {
  static EpochLine withBaseline(EngineFigure engine, ReferenceRun reference, ReferenceRun.Agreement agreement) {
    return new EpochLine(engine, reference, agreement, null);
  }

  static EpochLine withoutBaseline(EngineFigure engine, String reason) {
    return new EpochLine(engine, null, null, reason);
  }

  /** How many times longer the reference takes per epoch than the engine. */
  double ratio() {
    return reference.meanMs() * 1000 / engine.micros();
  }

  boolean disagrees() {
    return agreement != null && !agreement.agrees();
  }

  /**
   * E.g. {@code n 256 classic (16,384 weights): 746.1 ± 15.2 µs/epoch, 0.66 MB/epoch; yuma_ref.py
   * 71.8 ms/epoch (3 epochs); ratio 96.2x; incentive and dividends agree (256 UIDs, bit for bit)}.
   */
  String format() {
    String allocated =
        Double.isNaN(engine.allocatedBytes())
            ? ""
            : String.format(Locale.ROOT, ", %.2f MB/epoch", engine.allocatedBytes() / 1e6);
    // one measurement iteration gives JMH no error estimate
    String error = Double.isNaN(engine.errorMicros()) ? "n/a" : String.format(Locale.ROOT, "%.1f", engine.errorMicros());
    String head =
        String.format(
            Locale.ROOT,
            "n %d %s (%,d weights): %.1f ± %s µs/epoch%s",
            engine.n(),
            engine.mode(),
            (long) SubnetSnapshots.epochBenchValidators(engine.n()) * engine.n(),
            engine.micros(),
            error,
            allocated);
    if (reference == null) {
      return head + "; " + noBaseline;
    }
    return String.format(
        Locale.ROOT,
        "%s; yuma_ref.py %.1f ms/epoch (%d epochs); ratio %sx; %s",
        head,
        reference.meanMs(),
        reference.epochMs().length,
        Growth.ratio(ratio()),
        agreement.description());
  }

  /** Per mode, how the engine's time grows with n, then the reference's where it ran at two sizes or more. */
  static List<String> growth(List<EpochLine> lines) {
    List<String> out = new ArrayList<>();
    for (String mode : List.of(EpochBenchmark.CLASSIC, EpochBenchmark.YUMA3)) {
      List<Growth.Point> engine = new ArrayList<>();
      List<Growth.Point> reference = new ArrayList<>();
      for (EpochLine line : lines) {
        if (line.engine().mode().equals(mode)) {
          engine.add(new Growth.Point(line.engine().n(), line.engine().micros()));
          if (line.reference() != null) {
            reference.add(new Growth.Point(line.engine().n(), line.reference().meanMs()));
          }
        }
      }
      Growth.describe(mode + " engine time per epoch", "n", engine).ifPresent(out::add);
      Growth.describe(mode + " yuma_ref.py time per epoch", "n", reference).ifPresent(out::add);
    }
    return out;
  }
}
