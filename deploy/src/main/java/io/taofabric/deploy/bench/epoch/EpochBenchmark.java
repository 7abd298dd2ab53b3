package io.taofabric.deploy.bench.epoch;

import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.YumaEpoch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time and allocation of one Yuma Consensus epoch over a realistic subnet snapshot (see {@link
 * SubnetSnapshots#forEpochBench}): {@code n} UIDs, every validator weighting all of them, classic
 * or Yuma 3 bonds. Run it through {@code fabric bench epoch}, which sets the sizes and iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EpochBenchmark {
  /** The bond mechanisms measured, as {@link #mode} spells them. */
  public static final String CLASSIC = "classic";

  /** See {@link #CLASSIC}. */
  public static final String YUMA3 = "yuma3";

  /** Number of UIDs in the subnet. */
  @Param({"64", "256", "1024", "4096"})
  public int n;

  /** Bonds mechanism: {@value #CLASSIC} or {@value #YUMA3}. */
  @Param({CLASSIC, YUMA3})
  public String mode;

  private SubnetSnapshots.Snapshot snapshot;

  /** Builds the snapshot once per trial. */
  @Setup(Level.Trial)
  public void buildSnapshot() {
    snapshot = SubnetSnapshots.forEpochBench(n, isYuma3(mode));
  }

  /** One epoch; the result is returned so the JIT cannot drop the work. */
  @Benchmark
  public EpochResult epoch() {
    return YumaEpoch.run(snapshot.input(), snapshot.params(), SubnetSnapshots.RAO_EMISSION);
  }

  /** Whether {@code mode} names Yuma 3 bonds; anything but the two names is an error. */
  public static boolean isYuma3(String mode) {
    return switch (mode) {
      case CLASSIC -> false;
      case YUMA3 -> true;
      default -> throw new IllegalArgumentException("mode must be " + CLASSIC + " or " + YUMA3 + ", got " + mode);
    };
  }
}
