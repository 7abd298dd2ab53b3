package io.taofabric.core.scoring;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import java.util.HashMap;
import java.util.Map;

/**
 * Classification quality: correctness where the validator knows the label (a canary), agreement
 * with the other independent answers only where it does not. An answer that is not a distribution
 * over the query's classes scores 0 and does not vote.
 */
public final class ClassificationScoring {
  private ClassificationScoring() {}

  /** 1 for an answer whose most probable label is the canary's {@code label}, else 0. */
  public static QualityScorer<ClassificationQuery, ClassificationAnswer> canary(int label) {
    return (query, answers) -> {
      Map<String, Double> quality = new HashMap<>();
      answers.forEach((hotkey, answer) ->
          quality.put(hotkey, answer.fits(query) && answer.label() == label ? 1.0 : 0.0));
      return quality;
    };
  }

  /**
   * For an unlabelled query: the share of the other valid answers that give the same label (0 when
   * there are none). The scorer only sees answers that are on time and not copies, so sybils and
   * copycats cannot stuff the vote. Agreement rewards the consensus, not the truth, which is why
   * canaries carry the weight wherever a label exists.
   */
  public static QualityScorer<ClassificationQuery, ClassificationAnswer> agreement() {
    return (query, answers) -> {
      Map<String, Integer> labels = new HashMap<>();
      int[] votes = new int[query.classes()];
      answers.forEach((hotkey, answer) -> {
        if (answer.fits(query)) {
          labels.put(hotkey, answer.label());
          votes[answer.label()]++;
        }
      });
      Map<String, Double> quality = new HashMap<>();
      for (String hotkey : answers.keySet()) {
        Integer label = labels.get(hotkey);
        int others = labels.size() - 1;
        quality.put(hotkey, label == null || others == 0 ? 0.0 : (votes[label] - 1) / (double) others);
      }
      return quality;
    };
  }

  /**
   * Distributions that differ in no class by more than {@code tolerance}. Labels alone are never
   * evidence of copying: a good model is right on most digits, so two honest miners give the same
   * label on most queries, and a copy detector on labels would flag honesty. Their distributions,
   * however, come from models trained on different samples and differ in the second or third decimal
   * even when the labels agree; only a copy (or one model behind two hotkeys) repeats them to within
   * a small tolerance. That is also why an answer must carry the whole distribution.
   */
  public static AnswerSimilarity<ClassificationQuery, ClassificationAnswer> similarity(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("the tolerance is not negative, got " + tolerance);
    }
    return (query, first, second) -> {
      Doubles a = first.probabilities();
      Doubles b = second.probabilities();
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!(Math.abs(a.get(i) - b.get(i)) <= tolerance)) {
          return false;
        }
      }
      return true;
    };
  }
}
