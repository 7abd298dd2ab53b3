package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.subSat;

/**
 * Column consensus (math.rs {@code weighted_median_col_sparse}, spec §3.6): for every UID, the
 * stake-weighted median of the weights the staked validators give it, a missing weight counting
 * as a vote of 0. The weight rows are transposed once, so each column costs its entries plus one
 * median over the staked validators.
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

    int[] columnStart = new int[n + 1];
    for (int i = 0; i < weights.rows(); i++) {
      if (voterOfUid[i] >= 0) {
        for (int k = weights.start(i); k < weights.end(i); k++) {
          if (weights.col(k) < n) {
            columnStart[weights.col(k) + 1]++;
          }
        }
      }
    }
    for (int j = 0; j < n; j++) {
      columnStart[j + 1] += columnStart[j];
    }
    int[] fill = columnStart.clone();
    int[] voterAt = new int[columnStart[n]];
    long[] scoreAt = new long[columnStart[n]];
    for (int i = 0; i < weights.rows(); i++) {
      int voter = voterOfUid[i];
      if (voter >= 0) {
        for (int k = weights.start(i); k < weights.end(i); k++) {
          int j = weights.col(k);
          if (j < n) {
            voterAt[fill[j]] = voter;
            scoreAt[fill[j]++] = weights.value(k);
          }
        }
      }
    }

    long[] consensus = new long[n];
    long[] score = new long[voters];
    WeightedMedian median = new WeightedMedian();
    for (int j = 0; j < n; j++) {
      if (columnStart[j] == columnStart[j + 1]) {
        continue; // every vote is 0, and so is the median
      }
      for (int e = columnStart[j]; e < columnStart[j + 1]; e++) {
        score[voterAt[e]] = scoreAt[e]; // in row order, so a repeated column's last entry wins
      }
      consensus[j] = median.median(stake, score, voters, minority, 0, stakeSum);
      for (int e = columnStart[j]; e < columnStart[j + 1]; e++) {
        score[voterAt[e]] = 0;
      }
    }
    return consensus;
  }
}
