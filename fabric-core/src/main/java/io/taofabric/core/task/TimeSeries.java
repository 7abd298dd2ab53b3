package io.taofabric.core.task;

import io.taofabric.core.model.Doubles;
import java.util.Objects;

/** A named series of observations, oldest first. */
public record TimeSeries(String name, Doubles values) {
  public TimeSeries {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
    if (!values.allFinite()) {
      throw new IllegalArgumentException("series " + name + " has a missing or infinite value");
    }
  }

  /** The number of observations. */
  public int length() {
    return values.size();
  }
}
