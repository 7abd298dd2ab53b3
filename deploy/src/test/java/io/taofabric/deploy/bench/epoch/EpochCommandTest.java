package io.taofabric.deploy.bench.epoch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.deploy.CliRun;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EpochCommandTest {
  @Test
  void runsJmhAndTheReferenceEndToEndOnTheSmallestSnapshot() {
    CliRun run =
        CliRun.of("bench", "epoch", "--n", "64", "--forks", "0", "--warmup-seconds", "0.1", "--measure-seconds", "0.2");
    assertEquals(0, run.exitCode(), run.err());
    for (String mode : new String[] {"classic", "yuma3"}) {
      // timings are not asserted, only that each figure came with its baseline (or says why not)
      Pattern figure =
          Pattern.compile(
              "(?m)^n 64 " + mode + " \\(1,024 weights\\): [0-9.]+ ± n/a µs/epoch, [0-9.]+ MB/epoch; "
                  + "(yuma_ref\\.py [0-9.]+ ms/epoch \\(\\d+ epochs\\); ratio [0-9.]+x; incentive and dividends agree"
                  + "|baseline unavailable \\(python3 not found on PATH\\))");
      assertTrue(figure.matcher(run.out()).find(), run.out());
    }
  }

  @Test
  void refusesAnEmptyMeasurement() {
    CliRun run = CliRun.of("bench", "epoch", "--n", "64", "--measure-seconds", "0");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--measure-seconds must be more than 0"), run.err());
  }
}
