package io.taofabric.core.participant;

import io.taofabric.core.subnet.SubnetHyperparameters;

/**
 * The part of a subnet's hyperparameters that decides when a validator may submit weights.
 *
 * @param commitReveal whether weights are committed and later revealed instead of set
 * @param rateLimitBlocks blocks between two weights transactions (a commit counts as one)
 * @param revealDelayBlocks blocks after a commit before it may be revealed
 * @param revealWindowBlocks blocks, after the delay, during which the reveal is accepted
 */
public record WeightsRules(boolean commitReveal, long rateLimitBlocks, long revealDelayBlocks, long revealWindowBlocks) {
  /** Validates the ranges as the subnet's hyperparameters do. */
  public WeightsRules {
    if (rateLimitBlocks < 0 || revealDelayBlocks < 0 || revealWindowBlocks < 1) {
      throw new IllegalArgumentException("rate limit and reveal delay must be >= 0, the window >= 1 block");
    }
  }

  /** The rules of a subnet with {@code hyperparameters}. */
  public static WeightsRules of(SubnetHyperparameters hyperparameters) {
    return new WeightsRules(
        hyperparameters.commitReveal(),
        hyperparameters.weightsPolicy().rateLimitBlocks(),
        hyperparameters.revealWindow().delayBlocks(),
        hyperparameters.revealWindow().windowBlocks());
  }
}
