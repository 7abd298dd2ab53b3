package io.taofabric.core.sim;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import io.taofabric.core.model.Models;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Classical forecasters of really different skill, the honest miners of the forecasting subnet.
 * None of them is best on every series: naive wins on random walks, the seasonal ones on CO2 and
 * airline passengers, so the ranking moves with the series validators ask about.
 */
public final class Forecasters {
  /** Seasons are months in the monthly series. */
  static final int SEASON = 12;

  private Forecasters() {}

  /** The honest forecasters, most of them on every series better than guessing. */
  public static List<NamedModel<ForecastQuery, ForecastAnswer>> all() {
    return List.of(
        of("seasonal-growth", Forecasters::seasonalGrowth),
        of("naive", Forecasters::naive),
        of("drift", Forecasters::drift),
        of("seasonal-naive", Forecasters::seasonalNaive),
        of("moving-average-3", q -> movingAverage(q, 3)),
        of("moving-average-6", q -> movingAverage(q, 6)),
        of("window-mean", q -> movingAverage(q, q.window().size())));
  }

  /** The sybils' shared model: a damped trend, a forecaster no honest miner runs. */
  public static Model<ForecastQuery, ForecastAnswer> dampedTrend() {
    return Models.function(q -> {
      Doubles w = q.window();
      double slope = (w.last() - w.get(w.size() - 4)) / 3;
      double[] values = new double[q.horizon()];
      double level = w.last();
      for (int k = 0; k < values.length; k++) {
        slope *= 0.8;
        level += slope;
        values[k] = level;
      }
      return new ForecastAnswer(Doubles.of(values));
    });
  }

  private static NamedModel<ForecastQuery, ForecastAnswer> of(String name, Function<ForecastQuery, double[]> forecast) {
    return new NamedModel<>(name, Models.function(q -> new ForecastAnswer(Doubles.of(forecast.apply(q)))));
  }

  private static double[] naive(ForecastQuery q) {
    return repeat(q.window().last(), q.horizon());
  }

  private static double[] drift(ForecastQuery q) {
    Doubles w = q.window();
    double slope = (w.last() - w.get(0)) / (w.size() - 1);
    double[] values = new double[q.horizon()];
    for (int k = 1; k <= values.length; k++) {
      values[k - 1] = w.last() + k * slope;
    }
    return values;
  }

  private static double[] seasonalNaive(ForecastQuery q) {
    Doubles w = q.window();
    double[] values = new double[q.horizon()];
    for (int k = 0; k < values.length; k++) {
      values[k] = w.get(w.size() - SEASON + k % SEASON);
    }
    return values;
  }

  /** Next year repeats this year's shape, shifted by the past year's growth. */
  private static double[] seasonalGrowth(ForecastQuery q) {
    Doubles w = q.window();
    int last = w.size() - 1;
    double growth = w.get(last) - w.get(last - SEASON);
    double[] values = new double[q.horizon()];
    for (int k = 0; k < values.length; k++) {
      values[k] = w.get(last + 1 + k % SEASON - SEASON) + growth;
    }
    return values;
  }

  private static double[] movingAverage(ForecastQuery q, int length) {
    Doubles w = q.window();
    double sum = 0;
    for (int i = w.size() - length; i < w.size(); i++) {
      sum += w.get(i);
    }
    return repeat(sum / length, q.horizon());
  }

  private static double[] repeat(double value, int horizon) {
    double[] values = new double[horizon];
    Arrays.fill(values, value);
    return values;
  }
}
