package io.taofabric.core.sim;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.strategy.Strategies;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.core.task.TimeSeries;
import java.util.ArrayList;
import java.util.List;

/** The forecasting subnet of the simulation: its task, on the shipped series, and its miners. */
public final class ForecastSubnet {
  /** Two years of monthly observations: enough for the seasonal forecasters. */
  static final int WINDOW = 24;
  static final int HORIZON = 6;
  /** The last quarter of every series is held out for the measure of true quality. */
  static final double HELD_OUT_SHARE = 0.25;
  /**
   * Series on which different forecasters win: a random walk (DAX), trend with season (CO2), a
   * cycle (sunspots), growth with a growing season (airline passengers).
   */
  static final List<SeriesCatalog> SERIES =
      List.of(SeriesCatalog.DAX, SeriesCatalog.CO2, SeriesCatalog.SUNSPOTS, SeriesCatalog.AIR_PASSENGERS);

  private ForecastSubnet() {}

  /** The task over {@link #SERIES}. */
  public static ForecastSimTask task() {
    List<TimeSeries> series = new ArrayList<>();
    for (SeriesCatalog s : SERIES) {
      series.add(s.load());
    }
    return new ForecastSimTask(series, WINDOW, HORIZON, HELD_OUT_SHARE);
  }

  /** The miners: honest forecasters, a lazy constant of zeros, random guessers, copycats, sybils. */
  public static Lineup<ForecastQuery, ForecastAnswer> lineup() {
    return new Lineup<>(
        Forecasters.all(),
        Forecasters.dampedTrend(),
        new ForecastAnswer(Doubles.of(new double[HORIZON])),
        Strategies::randomForecast);
  }
}
