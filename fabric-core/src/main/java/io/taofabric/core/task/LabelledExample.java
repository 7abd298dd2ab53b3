package io.taofabric.core.task;

import io.taofabric.core.model.Doubles;
import java.util.Objects;

/** Features with their known label. */
public record LabelledExample(Doubles features, int label) {
  public LabelledExample {
    Objects.requireNonNull(features, "features");
    if (label < 0) {
      throw new IllegalArgumentException("a label is not negative, got " + label);
    }
  }
}
