package io.taofabric.core.sim;

import io.taofabric.core.scoring.RoundScorer;
import io.taofabric.core.strategy.LocalRound;
import io.taofabric.core.strategy.Miner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each miner's true quality: its mean score over every held-out challenge, judged against the full
 * truth (every label, every future value) that validators never have. The rules of a round still
 * hold, because they describe what an answer is worth to a user: an answer after the deadline, or
 * one that only repeats an answer already given, adds nothing, so copycats and sybils are worth 0.
 */
final class TrueQuality {
  private TrueQuality() {}

  static <Q, A> Map<String, Double> measure(SimTask<Q, A> task, List<Contestant<Q, A>> contestants) {
    List<Miner<Q, A>> miners = new ArrayList<>();
    for (Contestant<Q, A> c : contestants) {
      miners.add(c.miner());
    }
    RoundScorer<Q, A> scorer = new RoundScorer<>(task.similarity());
    Map<String, Double> sums = new HashMap<>();
    for (Challenge<Q, A> challenge : task.heldOut()) {
      scorer.scores(LocalRound.play(challenge.query(), miners, Lineup.DEADLINE_NS), challenge.scorer())
          .forEach((hotkey, score) -> sums.merge(hotkey, score, Double::sum));
    }
    Map<String, Double> means = new HashMap<>();
    sums.forEach((hotkey, sum) -> means.put(hotkey, sum / task.heldOut().size()));
    return means;
  }
}
