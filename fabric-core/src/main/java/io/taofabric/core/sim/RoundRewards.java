package io.taofabric.core.sim;

import java.util.Map;
import java.util.TreeMap;

/**
 * How an honest validator turns a round's scores into rewards: each score relative to the round's
 * best, raised to a power. Scores alone are too flat to pay for usefulness: a forecaster that ignores
 * the query still scores a third where the best scores a half, and would keep a third of the pay.
 * Relative to the best answer of the same query, the reward also does not depend on how hard the
 * query was.
 */
final class RoundRewards {
  private RoundRewards() {}

  /** {@code (score / best)^power} per hotkey; all 0 when no answer scored. */
  static Map<String, Double> relative(Map<String, Double> scores, double power) {
    double best = 0;
    for (double s : scores.values()) {
      best = Math.max(best, s);
    }
    Map<String, Double> rewards = new TreeMap<>();
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      rewards.put(e.getKey(), best == 0 ? 0 : Math.pow(e.getValue() / best, power));
    }
    return rewards;
  }
}
