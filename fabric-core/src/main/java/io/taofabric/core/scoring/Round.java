package io.taofabric.core.scoring;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One query fanned out to miners, answers due {@code deadlineNs} after it was sent. */
public record Round<Q, A>(Q query, long deadlineNs, List<Response<A>> responses) {
  public Round {
    Objects.requireNonNull(query, "query");
    responses = List.copyOf(responses);
    Set<String> hotkeys = new HashSet<>();
    for (Response<A> r : responses) {
      if (!hotkeys.add(r.hotkey())) {
        throw new IllegalArgumentException("hotkey " + r.hotkey() + " responded twice in one round");
      }
    }
  }
}
