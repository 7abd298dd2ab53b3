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
  /**
   * The log-probability tolerance of {@link #similarity} for trained classifiers: no two honest
   * Tribuo models of the demo came within it on any held-out digit, and a replayed answer is exact.
   */
  public static final double COPY_LOG_TOLERANCE = 1e-3;

  private ClassificationScoring() {}

  /**
   * For a canary: the probability the answer gave the known {@code label}. It is the likelihood, a
   * proper score: a model earns most by saying what it believes, and a confident mistake costs more
   * than a hesitant one. Good models are right on nearly every digit; only this tells them apart.
   */
  public static QualityScorer<ClassificationQuery, ClassificationAnswer> canary(int label) {
    if (label < 0) {
      throw new IllegalArgumentException("a label is not negative, got " + label);
    }
    return (query, answers) -> {
      Map<String, Double> quality = new HashMap<>();
      answers.forEach((hotkey, answer) ->
          quality.put(hotkey, answer.fits(query) && label < query.classes() ? answer.probabilities().get(label) : 0.0));
      return quality;
    };
  }

  /** 1 for an answer whose most probable label is {@code label}, else 0: accuracy. */
  public static QualityScorer<ClassificationQuery, ClassificationAnswer> correct(int label) {
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
   * Distributions whose log-probabilities differ in no class by more than {@code logTolerance}
   * (equal probabilities, zeros included, always match). Labels alone are never evidence of
   * copying: a good model is right on most digits, so two honest miners give the same label on most
   * queries. Plain probabilities are no better: trained classifiers are confident, putting all but
   * 1e-5 on one label for most digits, so two honest models that agree on the label are within 1e-4
   * of each other (255 of 300 digits for two Tribuo models on different samples). Their small
   * probabilities still differ by orders of magnitude (1e-13 against 1e-8), which log space sees,
   * and a copy (or one model behind two hotkeys) repeats them. That is also why an answer must carry
   * the whole distribution.
   */
  public static AnswerSimilarity<ClassificationQuery, ClassificationAnswer> similarity(double logTolerance) {
    if (!(logTolerance >= 0)) {
      throw new IllegalArgumentException("the tolerance is not negative, got " + logTolerance);
    }
    return (query, first, second) -> {
      Doubles a = first.probabilities();
      Doubles b = second.probabilities();
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        boolean close = Math.abs(Math.log(a.get(i)) - Math.log(b.get(i))) <= logTolerance;
        if (!close && Double.compare(a.get(i), b.get(i)) != 0) {
          return false;
        }
      }
      return true;
    };
  }
}
