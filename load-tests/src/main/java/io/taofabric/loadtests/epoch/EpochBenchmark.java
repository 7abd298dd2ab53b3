package io.taofabric.loadtests.epoch;

import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochParams;
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
 * SubnetSnapshots}): {@code n} UIDs, every validator weighting all of them, classic or Yuma 3
 * bonds. Run it through {@code load-tests/bench-epoch}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EpochBenchmark {
  private static final long SEED = 0x7A0FAB41CL;
  private static final long RAO_EMISSION = 1_000_000_000L;

  /** Number of UIDs in the subnet. */
  @Param({"256", "4096"})
  public int n;

  /** Bonds mechanism: {@code classic} or {@code yuma3}. */
  @Param({"classic", "yuma3"})
  public String mode;

  private EpochInput input;
  private EpochParams params;

  /** Builds the snapshot once per trial: 64 validators for 256 UIDs, 256 for 4096. */
  @Setup(Level.Trial)
  public void buildSnapshot() {
    int validators = Math.min(256, n / 4);
    params =
        EpochParams.DEFAULTS.toBuilder()
            .yuma3(yuma3(mode))
            .maxAllowedValidators(validators)
            .tempo(360)
            .build();
    input = SubnetSnapshots.build(n, validators, params, SEED);
  }

  /** One epoch; the result is returned so the JIT cannot drop the work. */
  @Benchmark
  public EpochResult epoch() {
    return YumaEpoch.run(input, params, RAO_EMISSION);
  }

  private static boolean yuma3(String mode) {
    return switch (mode) {
      case "classic" -> false;
      case "yuma3" -> true;
      default -> throw new IllegalArgumentException("mode must be classic or yuma3, got " + mode);
    };
  }
}
