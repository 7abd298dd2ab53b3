package io.taofabric.core.model;

import java.util.Objects;

/**
 * A forecast: one value per step of the query's horizon. Any values are accepted here, NaN included,
 * so a bad forecast reaches the scorer and scores 0 rather than failing the round.
 */
public record ForecastAnswer(Doubles values) {
  public ForecastAnswer {
    Objects.requireNonNull(values, "values");
    if (values.size() > ForecastQuery.MAX_HORIZON) {
      throw new IllegalArgumentException(
          "a forecast holds at most " + ForecastQuery.MAX_HORIZON + " values, got " + values.size());
    }
  }

  /** True when this forecasts {@code query}: one finite value per step. */
  public boolean fits(ForecastQuery query) {
    return values.size() == query.horizon() && values.allFinite();
  }
}
