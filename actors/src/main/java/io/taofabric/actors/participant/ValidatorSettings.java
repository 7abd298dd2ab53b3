package io.taofabric.actors.participant;

import io.taofabric.core.participant.Scores;
import java.time.Duration;

/**
 * How validators run.
 *
 * @param loopInterval time between two rounds of a validator's loop (read the metagraph, submit weights)
 * @param scoreAlphaMillionths the weight of a new score in a miner's moving average, millionths
 */
public record ValidatorSettings(Duration loopInterval, long scoreAlphaMillionths) {
  /** Validates both values. */
  public ValidatorSettings {
    if (loopInterval.isNegative() || loopInterval.isZero()) {
      throw new IllegalArgumentException("the validator loop interval must be positive, got " + loopInterval);
    }
    String problem = Scores.alphaRefusal(scoreAlphaMillionths);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }
}
