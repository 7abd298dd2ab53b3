package io.taofabric.core.model;

import java.util.Objects;

/**
 * Predict the next {@code horizon} values of a series whose latest values are {@code window}
 * (oldest first). The series' name and position are deliberately absent: the data are public, and a
 * miner that knew where the window sits could look the future up instead of forecasting it.
 */
public record ForecastQuery(Doubles window, int horizon) {
  /** The longest window a query carries. */
  public static final int MAX_WINDOW = 4_096;

  /** The furthest a query asks to look ahead. */
  public static final int MAX_HORIZON = 256;

  public ForecastQuery {
    Objects.requireNonNull(window, "window");
    if (window.size() < 1 || window.size() > MAX_WINDOW) {
      throw new IllegalArgumentException("a window holds 1 to " + MAX_WINDOW + " values, got " + window.size());
    }
    if (!window.allFinite()) {
      throw new IllegalArgumentException("a window holds finite values only");
    }
    if (horizon < 1 || horizon > MAX_HORIZON) {
      throw new IllegalArgumentException("the horizon is 1 to " + MAX_HORIZON + " steps, got " + horizon);
    }
  }
}
