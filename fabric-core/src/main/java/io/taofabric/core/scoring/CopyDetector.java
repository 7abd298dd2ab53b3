package io.taofabric.core.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds answers in one round that nearly repeat another miner's. A copycat has to see its victim's
 * answer before it can answer, so of two near-identical answers the later one is the copy. Two that
 * arrive at the same instant are both flagged: neither can claim to be the original, and sybils (one
 * model behind several hotkeys) answer exactly alike and should earn one share, not several.
 */
public final class CopyDetector<Q, A> {
  private static final Comparator<Response.Answered<?>> BY_ARRIVAL =
      Comparator.<Response.Answered<?>>comparingLong(Response.Answered::arrivalNs)
          .thenComparing(Response.Answered::hotkey);

  private final AnswerSimilarity<Q, A> similarity;

  public CopyDetector(AnswerSimilarity<Q, A> similarity) {
    this.similarity = Objects.requireNonNull(similarity, "similarity");
  }

  /**
   * Each copy's hotkey mapped to the hotkey of the earliest answer it nearly repeats (the earliest
   * other one, for a tie in arrival). The result does not depend on the order of {@code answers}.
   */
  public Map<String, String> copies(Q query, List<Response.Answered<A>> answers) {
    List<Response.Answered<A>> inArrivalOrder = new ArrayList<>(answers);
    inArrivalOrder.sort(BY_ARRIVAL);
    Map<String, String> copies = new TreeMap<>();
    for (Response.Answered<A> candidate : inArrivalOrder) {
      for (Response.Answered<A> earlier : inArrivalOrder) {
        if (earlier.arrivalNs() > candidate.arrivalNs()) {
          break;
        }
        if (earlier != candidate
            && similarity.nearlyIdentical(query, earlier.answer(), candidate.answer())) {
          copies.put(candidate.hotkey(), earlier.hotkey());
          break;
        }
      }
    }
    return copies;
  }
}
