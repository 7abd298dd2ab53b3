package io.taofabric.core.model;

import java.util.Objects;

/** Classify {@code features} into one of {@code classes} labels, 0 to {@code classes - 1}. */
public record ClassificationQuery(Doubles features, int classes) {
  /** The most features a query carries. */
  public static final int MAX_FEATURES = 4_096;

  /** The most labels a task may have. */
  public static final int MAX_CLASSES = 1_024;

  public ClassificationQuery {
    Objects.requireNonNull(features, "features");
    if (features.size() < 1 || features.size() > MAX_FEATURES) {
      throw new IllegalArgumentException(
          "a query holds 1 to " + MAX_FEATURES + " features, got " + features.size());
    }
    if (!features.allFinite()) {
      throw new IllegalArgumentException("features are finite values only");
    }
    if (classes < 2 || classes > MAX_CLASSES) {
      throw new IllegalArgumentException("a task has 2 to " + MAX_CLASSES + " classes, got " + classes);
    }
  }
}
