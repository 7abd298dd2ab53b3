package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.subSat;

/**
 * Column consensus (math.rs {@code weighted_median_col_sparse}, spec §3.6): for every UID, the
 * stake-weighted median of the weights the staked validators give it, a missing weight counting
 * as a vote of 0. The weight rows are transposed once into per-column vote vectors, so each
 * column costs one median over the staked validators.
 */
final class Consensus {
  private Consensus() {}

  static long[] columnMedians(long[] activeStake, SparseMatrix weights, int n, long kappa) {
    int[] voterOfUid = new int[activeStake.length];
    int voters = 0;
    for (int i = 0; i < activeStake.length; i++) {
      voterOfUid[i] = activeStake[i] > 0 ? voters++ : -1;
    }
    long[] stake = new long[voters];
    for (int i = 0; i < activeStake.length; i++) {
      if (voterOfUid[i] >= 0) {
        stake[voterOfUid[i]] = activeStake[i];
      }
    }
    stake = Vectors.normalize(stake);
    long stakeSum = Vectors.sum(stake);
    long minority = subSat(stakeSum, kappa);

    // each column's votes over all voters, in voter order, missing votes 0: the median's input;
    // allocated only for columns somebody voted on, so sparse weights stay cheap
    long[][] votes = new long[n][];
    for (int i = 0; i < weights.rows(); i++) {
      int voter = voterOfUid[i];
      if (voter >= 0) {
        for (int k = weights.start(i); k < weights.end(i); k++) {
          int j = weights.col(k);
          if (j < n) {
            if (votes[j] == null) {
              votes[j] = new long[voters];
            }
            votes[j][voter] = weights.value(k); // in row order, so a repeated column's last entry wins
          }
        }
      }
    }

    long[] consensus = new long[n];
    WeightedMedian median = new WeightedMedian();
    for (int j = 0; j < n; j++) {
      if (votes[j] != null) { // otherwise every vote is 0, and so is the median
        consensus[j] = median.median(stake, votes[j], voters, minority, 0, stakeSum);
      }
    }
    return consensus;
  }
}
