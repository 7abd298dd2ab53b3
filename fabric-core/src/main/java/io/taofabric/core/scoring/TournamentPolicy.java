package io.taofabric.core.scoring;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a subnet's validators turn a tempo's scores into weights: each miner's tempo score relative
 * to the tempo's best, raised to {@code sharpness} (infinite: the best takes all, ties share).
 *
 * <p>Why steep, and why per tempo: Yuma pays a validator for agreeing with the consensus of the
 * epoch, so a copier of last tempo's public weights earns what last tempo's ranking still agrees
 * with this one's. Flat rewards over a stable field agree almost entirely. Rewards that go to this
 * tempo's winners of queries every honest validator asked alike change as the winners do; over many
 * tempos the better model still wins more often. A tempo measured on more queries ranks models more
 * surely, and more predictably: {@code roundsPerTempo} is that trade, per task.
 *
 * @param roundsPerTempo how many rounds a validator plays a tempo
 * @param sharpness the power of the relative score, at least 1, or +∞
 */
public record TournamentPolicy(int roundsPerTempo, double sharpness) {
  /**
   * Forecasts: a few windows a tempo, as truth matures slowly on a live network. Skill scores are
   * flat (a guess inside the window's range keeps a third of the best's), hence the power 32: 2 %
   * behind keeps half.
   */
  public static final TournamentPolicy FORECASTING = new TournamentPolicy(2, 32);

  /**
   * Classification: canaries are scored at once, so ten a tempo; good models are right on nearly
   * every digit and only the likelihood they gave the labels tells them apart, so the tempo's best
   * takes it all.
   */
  public static final TournamentPolicy CLASSIFICATION = new TournamentPolicy(10, Double.POSITIVE_INFINITY);

  public TournamentPolicy {
    if (roundsPerTempo < 1) {
      throw new IllegalArgumentException("a validator plays a round a tempo at least, got " + roundsPerTempo);
    }
    if (!(sharpness >= 1)) {
      throw new IllegalArgumentException("the sharpness is at least 1, got " + sharpness);
    }
  }

  /** {@code (score / best)^sharpness} per miner of {@code scores}; all 0 when nothing scored. */
  public SortedMap<String, Double> rewards(TempoScores scores) {
    return rewards(scores.geometricMeans());
  }

  /** {@code (score / best)^sharpness} per hotkey; all 0 when no score is above 0. */
  public SortedMap<String, Double> rewards(Map<String, Double> scores) {
    double best = 0;
    for (double s : scores.values()) {
      best = Math.max(best, s);
    }
    SortedMap<String, Double> rewards = new TreeMap<>();
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      rewards.put(e.getKey(), reward(e.getValue(), best));
    }
    return rewards;
  }

  private double reward(double score, double best) {
    if (best == 0) {
      return 0;
    }
    if (Double.isInfinite(sharpness)) {
      return score == best ? 1 : 0;
    }
    return Math.pow(score / best, sharpness);
  }
}
