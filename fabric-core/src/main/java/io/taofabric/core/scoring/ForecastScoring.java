package io.taofabric.core.scoring;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Forecast quality against the revealed truth, relative to the naive forecaster that repeats the
 * window's last value. With e the forecast's mean absolute error and n the naive one's, the score is
 * {@code n / (n + e)}: 1 for a perfect forecast, 1/2 for one as good as naive, towards 0 as it gets
 * worse. It is scale-free (an index at 5,000 and CO2 at 350 ppm score alike) and needs no tuning; a
 * forecast that does not fit the query (wrong length, NaN, infinite) scores 0.
 */
public final class ForecastScoring {
  private ForecastScoring() {}

  /** The quality of {@code answer} to {@code query} once {@code truth} is known. */
  public static double score(ForecastQuery query, Doubles truth, ForecastAnswer answer) {
    if (truth.size() != query.horizon()) {
      throw new IllegalArgumentException("the truth has " + truth.size() + " values for a horizon of " + query.horizon());
    }
    if (!answer.fits(query)) {
      return 0;
    }
    double error = meanAbsoluteError(answer.values(), truth);
    if (error == 0) {
      return 1;
    }
    double naiveError = meanAbsoluteError(naive(query), truth);
    return naiveError / (naiveError + error);
  }

  /** The naive forecast: the window's last value, repeated over the horizon. */
  public static Doubles naive(ForecastQuery query) {
    double[] values = new double[query.horizon()];
    Arrays.fill(values, query.window().last());
    return Doubles.of(values);
  }

  /** Scores each answer of a round against {@code truth}. */
  public static QualityScorer<ForecastQuery, ForecastAnswer> against(Doubles truth) {
    return (query, answers) -> {
      Map<String, Double> quality = new HashMap<>();
      answers.forEach((hotkey, answer) -> quality.put(hotkey, score(query, truth, answer)));
      return quality;
    };
  }

  /** The share of a step within which validators treat two forecasts as one: 1 %. */
  public static final double COPY_STEP_SHARE = 0.01;

  /**
   * Forecasts that differ nowhere by more than {@code stepShare} of the window's mean absolute step
   * (the typical move of the series between observations). Independent models differ by a sizeable
   * part of a step; a copycat that adds less noise than that is caught, and one that adds more pays
   * for it in accuracy. Two naive forecasters coincide exactly and are caught too: the second adds
   * nothing the first did not.
   */
  public static AnswerSimilarity<ForecastQuery, ForecastAnswer> similarity(double stepShare) {
    if (!(stepShare >= 0)) {
      throw new IllegalArgumentException("the step share is not negative, got " + stepShare);
    }
    return (query, first, second) -> {
      Doubles a = first.values();
      Doubles b = second.values();
      if (a.size() != b.size()) {
        return false;
      }
      double tolerance = stepShare * meanAbsoluteStep(query.window());
      for (int i = 0; i < a.size(); i++) {
        if (!(Math.abs(a.get(i) - b.get(i)) <= tolerance) && Double.compare(a.get(i), b.get(i)) != 0) {
          return false;
        }
      }
      return true;
    };
  }

  private static double meanAbsoluteError(Doubles forecast, Doubles truth) {
    double sum = 0;
    for (int i = 0; i < truth.size(); i++) {
      sum += Math.abs(forecast.get(i) - truth.get(i));
    }
    return sum / truth.size();
  }

  private static double meanAbsoluteStep(Doubles window) {
    if (window.size() < 2) {
      return 0;
    }
    double sum = 0;
    for (int i = 1; i < window.size(); i++) {
      sum += Math.abs(window.get(i) - window.get(i - 1));
    }
    return sum / (window.size() - 1);
  }
}
