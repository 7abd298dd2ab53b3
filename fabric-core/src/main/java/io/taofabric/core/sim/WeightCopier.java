package io.taofabric.core.sim;

import io.taofabric.core.subnet.Neuron;
import io.taofabric.core.subnet.Subnet;
import io.taofabric.core.subnet.SparseRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A validator that does no work: it copies the weights the chain shows, the other validators' rows
 * averaged by stake. Under commit–reveal those rows are the revealed ones, a tempo old; without it
 * they are the weights set a moment ago. It sees nothing else: no scores, no answers.
 */
final class WeightCopier {
  private WeightCopier() {}

  /** The copied weight of each of {@code miners} (0 if none), scaled so the largest is 1. */
  static Map<String, Double> publicScores(Subnet subnet, String self, List<String> miners) {
    List<Neuron> neurons = subnet.state().neurons();
    double[] copied = new double[neurons.size()];
    for (int uid = 0; uid < neurons.size(); uid++) {
      Neuron n = neurons.get(uid);
      SparseRow row = n.weights();
      long rowSum = 0;
      for (int k = 0; k < row.size(); k++) {
        rowSum += row.value(k);
      }
      if (n.hotkey().equals(self) || !n.validatorPermit() || rowSum == 0) {
        continue;
      }
      double stake = subnet.state().stakeOf(uid);
      for (int k = 0; k < row.size(); k++) {
        copied[row.uid(k)] += stake * row.value(k) / rowSum;
      }
    }
    double max = 0;
    for (double c : copied) {
      max = Math.max(max, c);
    }
    Map<String, Double> scores = new HashMap<>();
    for (String miner : miners) {
      int uid = subnet.state().uidOf(miner);
      scores.put(miner, max == 0 ? 0 : copied[uid] / max);
    }
    return scores;
  }
}
