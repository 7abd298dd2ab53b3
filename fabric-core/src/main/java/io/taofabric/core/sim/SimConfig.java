package io.taofabric.core.sim;

import io.taofabric.core.emission.BlockEmission;

/**
 * One run's settings. How validators score is the task's ({@link SimTask#policy}).
 *
 * @param seed drives every random draw: challenges, guesses, salts
 * @param epochs epochs to run
 * @param tempo blocks between epochs
 * @param commitReveal whether the subnet hides weights until they are revealed
 * @param honestValidators validators that score miners themselves
 * @param validatorStakeRao each validator's stake, the copier's included
 * @param epochEmissionRao what each epoch pays out
 */
public record SimConfig(
    long seed,
    int epochs,
    int tempo,
    boolean commitReveal,
    int honestValidators,
    long validatorStakeRao,
    long epochEmissionRao) {

  public SimConfig {
    if (epochs < 2 || tempo < 4 || honestValidators < 1) {
      throw new IllegalArgumentException("need 2+ epochs, a tempo of 4+ blocks and an honest validator");
    }
    if (validatorStakeRao <= 0 || epochEmissionRao <= 0) {
      throw new IllegalArgumentException("stake and emission are positive");
    }
  }

  /** The demo's settings: 3 honest validators and a copier of equal stake, 1 TAO an epoch, a tempo of 20 blocks. */
  public static SimConfig defaults(long seed) {
    return new SimConfig(seed, 60, 20, true, 3, 1_000 * BlockEmission.RAO_PER_TAO, BlockEmission.RAO_PER_TAO);
  }

  /** The same run with {@code epochs} epochs. */
  public SimConfig withEpochs(int n) {
    return new SimConfig(seed, n, tempo, commitReveal, honestValidators, validatorStakeRao, epochEmissionRao);
  }

  /** The same run with commit–reveal on or off. */
  public SimConfig withCommitReveal(boolean on) {
    return new SimConfig(seed, epochs, tempo, on, honestValidators, validatorStakeRao, epochEmissionRao);
  }
}
