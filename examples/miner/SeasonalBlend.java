package com.example;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import java.util.Arrays;

/**
 * A forecaster for seasonal series with a trend. Next year repeats this year's shape; it blends
 * last year's growth (quick to follow a change) with the mean growth over the whole window and
 * the year before (steadier), which beats either alone on the demo's CO2 series.
 */
public class SeasonalBlend implements Model<ForecastQuery, ForecastAnswer> {
  private static final int SEASON = 12;

  @Override
  public ForecastAnswer answer(ForecastQuery query) {
    Doubles w = query.window();
    int n = w.size();
    double[] forecast = new double[query.horizon()];
    if (n < 2 * SEASON) { // too short for two years: repeat the last value
      Arrays.fill(forecast, w.last());
      return new ForecastAnswer(Doubles.of(forecast));
    }
    double lastGrowth = w.get(n - 1) - w.get(n - 1 - SEASON);
    double meanGrowth = 0;
    for (int i = SEASON; i < n; i++) {
      meanGrowth += w.get(i) - w.get(i - SEASON);
    }
    meanGrowth /= n - SEASON;
    for (int k = 0; k < forecast.length; k++) {
      int lastYear = n - SEASON + k % SEASON;
      double quick = w.get(lastYear) + lastGrowth;
      double steady = (w.get(lastYear) + meanGrowth + w.get(lastYear - SEASON) + 2 * meanGrowth) / 2;
      forecast[k] = (quick + steady) / 2;
    }
    return new ForecastAnswer(Doubles.of(forecast));
  }
}
