package io.taofabric.core.participant;

import java.util.List;

/** Weights the subnet last accepted from a validator, set directly or revealed, at {@code block}. */
public record SubmittedWeights(List<Integer> uids, List<Integer> values, long block) {
  /** Copies the lists. */
  public SubmittedWeights {
    uids = List.copyOf(uids);
    values = List.copyOf(values);
  }
}
