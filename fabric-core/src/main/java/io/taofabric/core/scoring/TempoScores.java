package io.taofabric.core.scoring;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A validator's scores for the tempo in play: each miner's geometric mean over the tempo's rounds.
 * A new tempo starts from nothing, so weights set from these scores say how miners did on this
 * tempo's queries and nothing older; that is what a weight copier, one reveal behind, cannot know.
 * The geometric mean is the log score of the tempo: one useless answer costs more than a slightly
 * worse one, and a miner missing from a round scored {@link #FLOOR} there.
 *
 * @param tempo the tempo the rounds belong to, -1 before the first
 * @param rounds rounds recorded in this tempo
 * @param logTotals each miner's sum of log scores over those rounds
 */
public record TempoScores(long tempo, int rounds, SortedMap<String, Double> logTotals) {
  /** The least a round can count for: a wrong or missing answer is worth log(1e-3), not −∞. */
  public static final double FLOOR = 1e-3;

  private static final double LOG_FLOOR = Math.log(FLOOR);

  public TempoScores {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds are not negative, got " + rounds);
    }
    logTotals = Collections.unmodifiableSortedMap(new TreeMap<>(logTotals));
  }

  /** No rounds yet. */
  public static TempoScores none() {
    return new TempoScores(-1, 0, new TreeMap<>());
  }

  /**
   * These scores with one round of tempo {@code tempo} added; a later tempo starts afresh. Scores
   * are in [0, 1] (a {@link RoundScorer}'s); a NaN or one outside counts as its nearest bound.
   */
  public TempoScores with(long tempo, Map<String, Double> roundScores) {
    if (tempo < this.tempo) {
      throw new IllegalArgumentException("tempo " + tempo + " is before tempo " + this.tempo);
    }
    TempoScores base = tempo == this.tempo ? this : new TempoScores(tempo, 0, new TreeMap<>());
    SortedMap<String, Double> totals = new TreeMap<>();
    base.logTotals.forEach((hotkey, total) -> totals.put(hotkey, total + LOG_FLOOR));
    roundScores.forEach((hotkey, score) -> {
      double earlier = base.logTotals.getOrDefault(hotkey, base.rounds * LOG_FLOOR);
      totals.put(hotkey, earlier + Math.log(bounded(score)));
    });
    return new TempoScores(tempo, base.rounds + 1, totals);
  }

  /** Each miner's geometric mean score over the tempo's rounds, in [{@link #FLOOR}, 1]. */
  public SortedMap<String, Double> geometricMeans() {
    SortedMap<String, Double> means = new TreeMap<>();
    logTotals.forEach((hotkey, total) -> means.put(hotkey, Math.exp(total / rounds)));
    return means;
  }

  private static double bounded(Double score) {
    if (score == null || score.isNaN()) {
      return FLOOR;
    }
    return Math.max(FLOOR, Math.min(1, score));
  }
}
