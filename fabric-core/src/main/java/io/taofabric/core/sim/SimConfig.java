package io.taofabric.core.sim;

import io.taofabric.core.emission.BlockEmission;

/**
 * One run's settings.
 *
 * @param seed drives every random draw: challenges, guesses, salts
 * @param epochs epochs to run
 * @param tempo blocks between epochs
 * @param roundsPerTempo rounds each honest validator plays per tempo
 * @param commitReveal whether the subnet hides weights until they are revealed
 * @param honestValidators validators that score miners themselves
 * @param validatorStakeRao each validator's stake, the copier's included
 * @param epochEmissionRao what each epoch pays out
 * @param scoreAlphaMillionths the weight of a round in a validator's moving average
 * @param sharpness the power honest validators raise a round's scores to, relative to the round's
 *     best ({@link RoundRewards})
 */
public record SimConfig(
    long seed,
    int epochs,
    int tempo,
    int roundsPerTempo,
    boolean commitReveal,
    int honestValidators,
    long validatorStakeRao,
    long epochEmissionRao,
    long scoreAlphaMillionths,
    double sharpness) {

  public SimConfig {
    if (epochs < 2 || tempo < 4 || roundsPerTempo < 1 || roundsPerTempo > tempo || honestValidators < 1) {
      throw new IllegalArgumentException(
          "need 2+ epochs, a tempo of 4+ blocks, 1 to tempo rounds per tempo and an honest validator");
    }
    if (validatorStakeRao <= 0 || epochEmissionRao <= 0 || scoreAlphaMillionths <= 0 || scoreAlphaMillionths > 1_000_000) {
      throw new IllegalArgumentException("stake and emission are positive, the score alpha in (0, 1]");
    }
    if (!(sharpness >= 1)) {
      throw new IllegalArgumentException("the sharpness is at least 1, got " + sharpness);
    }
  }

  /**
   * The demo's settings: 3 honest validators and a copier of equal stake, 1 TAO an epoch, a tempo of
   * 20 blocks with 10 rounds each. A round counts 30 % in the averages, so a tempo's rounds all but
   * replace the last tempo's: validators judge what is asked now.
   */
  public static SimConfig defaults(long seed) {
    return new SimConfig(seed, 60, 20, 10, true, 3, 1_000 * BlockEmission.RAO_PER_TAO, BlockEmission.RAO_PER_TAO, 300_000, 4);
  }

  /** The same run with {@code epochs} epochs. */
  public SimConfig withEpochs(int n) {
    return new SimConfig(seed, n, tempo, roundsPerTempo, commitReveal, honestValidators, validatorStakeRao, epochEmissionRao, scoreAlphaMillionths, sharpness);
  }

  /** The same run with validators rewarding at {@code power}. */
  public SimConfig withSharpness(double power) {
    return new SimConfig(seed, epochs, tempo, roundsPerTempo, commitReveal, honestValidators, validatorStakeRao, epochEmissionRao, scoreAlphaMillionths, power);
  }

  /** The same run with commit–reveal on or off. */
  public SimConfig withCommitReveal(boolean on) {
    return new SimConfig(seed, epochs, tempo, roundsPerTempo, on, honestValidators, validatorStakeRao, epochEmissionRao, scoreAlphaMillionths, sharpness);
  }
}
