package io.taofabric.deploy.bench.epoch;

import java.util.Locale;

/**
 * A JMH phase given as a total time, split into iterations of at most one second: 5 s is 5 × 1 s,
 * 0.2 s one iteration of 200 ms, 2.5 s 3 × 833 ms. Several iterations give JMH an error estimate;
 * a sub-second total keeps a smoke run short.
 */
record IterationPlan(int iterations, int millisEach) {
  IterationPlan {
    if (iterations < 0 || millisEach < 1) {
      throw new IllegalArgumentException(iterations + " iterations of " + millisEach + " ms");
    }
  }

  /** The plan for {@code seconds} in all; 0 means no iterations (a warm-up may be skipped). */
  static IterationPlan ofSeconds(double seconds) {
    if (!(seconds >= 0) || seconds > 3600) {
      throw new IllegalArgumentException("seconds must be 0 to 3600, got " + seconds);
    }
    int iterations = (int) Math.ceil(seconds);
    return iterations == 0
        ? new IterationPlan(0, 1)
        : new IterationPlan(iterations, (int) Math.round(seconds * 1000 / iterations));
  }

  double seconds() {
    return iterations * millisEach / 1000.0;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d × %d ms", iterations, millisEach);
  }
}
