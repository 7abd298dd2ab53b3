package io.taofabric.core.strategy;

import io.taofabric.core.model.ModelException;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import java.util.ArrayList;
import java.util.List;

/**
 * One round played in process: each miner's model answers the query, and its answer arrives after
 * the miner's latency. A simulation's stand-in for the fan-out over the transport.
 */
public final class LocalRound {
  private LocalRound() {}

  /** The round of {@code query} among {@code miners}, answers due {@code deadlineNs} after sending. */
  public static <Q, A> Round<Q, A> play(Q query, List<Miner<Q, A>> miners, long deadlineNs) {
    List<Response<A>> responses = new ArrayList<>();
    for (Miner<Q, A> miner : miners) {
      try {
        responses.add(new Response.Answered<>(miner.hotkey(), miner.model().answer(query), miner.latencyNs()));
      } catch (ModelException e) {
        responses.add(new Response.NoAnswer<>(miner.hotkey(), e.getMessage()));
      }
    }
    return new Round<>(query, deadlineNs, responses);
  }
}
