package io.taofabric.core.task;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastQuery;
import java.util.Objects;
import java.util.Optional;

/**
 * Forecasting a real series: a query is the {@code windowLength} observations ending at index t, the
 * truth the {@code horizon} observations after t. The series plays out over time: the truth of a
 * challenge is released only once the observations it covers have been revealed, so a validator
 * scores a round after its answers are in, never before.
 */
public final class ForecastTask {
  private final TimeSeries series;
  private final int windowLength;
  private final int horizon;

  public ForecastTask(TimeSeries series, int windowLength, int horizon) {
    Objects.requireNonNull(series, "series");
    if (windowLength < 2 || windowLength > ForecastQuery.MAX_WINDOW) {
      throw new IllegalArgumentException("a window holds 2 to " + ForecastQuery.MAX_WINDOW + " values, got " + windowLength);
    }
    if (horizon < 1 || horizon > ForecastQuery.MAX_HORIZON) {
      throw new IllegalArgumentException("the horizon is 1 to " + ForecastQuery.MAX_HORIZON + " steps, got " + horizon);
    }
    if (windowLength + horizon > series.length()) {
      throw new IllegalArgumentException(series.name() + " has " + series.length()
          + " observations, too few for a window of " + windowLength + " and a horizon of " + horizon);
    }
    this.series = series;
    this.windowLength = windowLength;
    this.horizon = horizon;
  }

  /** The earliest index a window can end at. */
  public int firstEnd() {
    return windowLength - 1;
  }

  /** The latest index a window can end at and still have a truth in the series. */
  public int lastEnd() {
    return series.length() - 1 - horizon;
  }

  /** The challenge whose window ends at index {@code end}. */
  public ForecastChallenge challengeAt(int end) {
    if (end < firstEnd() || end > lastEnd()) {
      throw new IllegalArgumentException("a window ends between " + firstEnd() + " and " + lastEnd() + ", not " + end);
    }
    Doubles window = series.values().slice(end - windowLength + 1, end + 1);
    return new ForecastChallenge(new ForecastQuery(window, horizon), end);
  }

  /**
   * The next {@code horizon} observations after {@code challenge}'s window, or empty while the series
   * has been revealed only up to index {@code revealedThrough}, short of them.
   */
  public Optional<Doubles> truth(ForecastChallenge challenge, int revealedThrough) {
    int lastTruth = challenge.end() + challenge.query().horizon();
    if (revealedThrough < lastTruth) {
      return Optional.empty();
    }
    return Optional.of(series.values().slice(challenge.end() + 1, lastTruth + 1));
  }
}
