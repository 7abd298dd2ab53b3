package io.taofabric.core.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Scores a round: every queried hotkey gets a verdict. No answer, a late one or a copy scores 0;
 * the other answers are judged by the task's {@link QualityScorer}, which never sees the rest, and a
 * quality outside [0, 1] (NaN included) is clamped, NaN to 0.
 */
public final class RoundScorer<Q, A> {
  private final CopyDetector<Q, A> copyDetector;

  public RoundScorer(AnswerSimilarity<Q, A> similarity) {
    this.copyDetector = new CopyDetector<>(similarity);
  }

  /** Each hotkey's verdict, in hotkey order. */
  public SortedMap<String, Verdict> verdicts(Round<Q, A> round, QualityScorer<Q, A> quality) {
    SortedMap<String, Verdict> verdicts = new TreeMap<>();
    List<Response.Answered<A>> onTime = new ArrayList<>();
    for (Response<A> response : round.responses()) {
      if (response instanceof Response.NoAnswer<A> none) {
        verdicts.put(none.hotkey(), new Verdict.Missing(none.reason()));
      } else if (response instanceof Response.Answered<A> answered) {
        if (answered.arrivalNs() > round.deadlineNs()) {
          verdicts.put(answered.hotkey(), new Verdict.Late(answered.arrivalNs()));
        } else {
          onTime.add(answered);
        }
      }
    }
    Map<String, String> copies = copyDetector.copies(round.query(), onTime);
    Map<String, A> independent = new LinkedHashMap<>();
    for (Response.Answered<A> answered : onTime) {
      String original = copies.get(answered.hotkey());
      if (original != null) {
        verdicts.put(answered.hotkey(), new Verdict.Copied(original));
      } else {
        independent.put(answered.hotkey(), answered.answer());
      }
    }
    Map<String, Double> qualities = quality.quality(round.query(), Map.copyOf(independent));
    for (String hotkey : independent.keySet()) {
      verdicts.put(hotkey, new Verdict.Scored(clamp(qualities.get(hotkey))));
    }
    return verdicts;
  }

  /** Each hotkey's score in [0, 1], in hotkey order. */
  public SortedMap<String, Double> scores(Round<Q, A> round, QualityScorer<Q, A> quality) {
    SortedMap<String, Double> scores = new TreeMap<>();
    verdicts(round, quality).forEach((hotkey, verdict) -> scores.put(hotkey, verdict.score()));
    return scores;
  }

  private static double clamp(Double quality) {
    if (quality == null || quality.isNaN()) {
      return 0;
    }
    return Math.max(0, Math.min(1, quality));
  }
}
