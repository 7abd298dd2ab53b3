package io.taofabric.core.model;

import java.util.Objects;

/**
 * A class distribution: the probability of each label. The full distribution is required, not just
 * the label, because honest models agree on most labels; only their distributions tell independent
 * answers from copies (see {@code io.taofabric.core.scoring.CopyDetector}).
 */
public record ClassificationAnswer(Doubles probabilities) {
  /** How far the probabilities' sum may stray from 1 (models compute in float or double). */
  public static final double SUM_TOLERANCE = 1e-3;

  public ClassificationAnswer {
    Objects.requireNonNull(probabilities, "probabilities");
    if (probabilities.size() < 1 || probabilities.size() > ClassificationQuery.MAX_CLASSES) {
      throw new IllegalArgumentException("a distribution holds 1 to "
          + ClassificationQuery.MAX_CLASSES + " probabilities, got " + probabilities.size());
    }
  }

  /** All the probability on one label. */
  public static ClassificationAnswer certain(int label, int classes) {
    double[] p = new double[classes];
    p[label] = 1;
    return new ClassificationAnswer(Doubles.of(p));
  }

  /** The most probable label; the lowest one on a tie. */
  public int label() {
    int best = 0;
    for (int i = 1; i < probabilities.size(); i++) {
      if (probabilities.get(i) > probabilities.get(best)) {
        best = i;
      }
    }
    return best;
  }

  /** True when this is a distribution over {@code query}'s classes: each in [0, 1], summing to 1. */
  public boolean fits(ClassificationQuery query) {
    if (probabilities.size() != query.classes()) {
      return false;
    }
    double sum = 0;
    for (int i = 0; i < probabilities.size(); i++) {
      double p = probabilities.get(i);
      if (!(p >= 0 && p <= 1)) {
        return false;
      }
      sum += p;
    }
    return Math.abs(sum - 1) <= SUM_TOLERANCE;
  }
}
