package io.taofabric.core.sim;

import io.taofabric.core.scoring.Response;
import io.taofabric.core.strategy.LocalRound;
import io.taofabric.core.strategy.Miner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each miner's true quality: what its own work is worth on the held-out challenges, judged against
 * the full truth (every label, every future value) that validators never have, by the task's scorer
 * alone, so none of the validators' rules (copy detection, canaries, agreement) enters the measure.
 * A model's quality is its mean score. A copycat has no model: its answers are its victim's work, so
 * it adds 0. Sybils share one model: together they add that model's quality, each hotkey its part.
 */
final class TrueQuality {
  private TrueQuality() {}

  static <Q, A> Map<String, Double> measure(SimTask<Q, A> task, List<Contestant<Q, A>> contestants) {
    List<Miner<Q, A>> miners = new ArrayList<>();
    int sybils = 0;
    for (Contestant<Q, A> c : contestants) {
      miners.add(c.miner());
      sybils += c.kind() == MinerKind.SYBIL ? 1 : 0;
    }
    Map<String, Double> sums = new HashMap<>();
    for (Challenge<Q, A> challenge : task.heldOut()) {
      Map<String, A> answers = new HashMap<>();
      for (Response<A> r : LocalRound.play(challenge.query(), miners, Lineup.DEADLINE_NS).responses()) {
        if (r instanceof Response.Answered<A> answered) {
          answers.put(answered.hotkey(), answered.answer());
        }
      }
      challenge.scorer().quality(challenge.query(), answers).forEach((hotkey, q) -> sums.merge(hotkey, q, Double::sum));
    }
    Map<String, Double> quality = new HashMap<>();
    for (Contestant<Q, A> c : contestants) {
      double own = sums.getOrDefault(c.hotkey(), 0.0) / task.heldOut().size();
      quality.put(c.hotkey(), switch (c.kind()) {
        case COPYCAT -> 0.0;
        case SYBIL -> own / sybils;
        default -> own;
      });
    }
    return quality;
  }
}
