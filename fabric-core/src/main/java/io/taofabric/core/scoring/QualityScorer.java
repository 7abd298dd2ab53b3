package io.taofabric.core.scoring;

import java.util.Map;

/** The task's judgement of a round's independent answers: the truth, a canary's label, or agreement. */
@FunctionalInterface
public interface QualityScorer<Q, A> {
  /**
   * The quality in [0, 1] of each answer in {@code answers} (by hotkey). It sees only on-time,
   * original answers, so copies and late answers cannot sway an agreement score.
   */
  Map<String, Double> quality(Q query, Map<String, A> answers);
}
