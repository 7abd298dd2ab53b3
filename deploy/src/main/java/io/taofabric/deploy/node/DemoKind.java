package io.taofabric.deploy.node;

import io.taofabric.core.task.LabelledExample;
import java.util.List;

/**
 * The two kinds of demonstration subnet, taken by netuid: odd netuids forecast a series, even ones
 * classify digits, so any two subnets in a row show both.
 */
public enum DemoKind {
  /** Miners run classical forecasters; the validator scores their forecasts against the series. */
  FORECASTING,
  /** Miners run Tribuo digit classifiers; the validator mixes canaries among its queries. */
  CLASSIFICATION;

  /** The kind of subnet {@code netuid}. */
  public static DemoKind of(int netuid) {
    return netuid % 2 == 1 ? FORECASTING : CLASSIFICATION;
  }

  /**
   * The digits a classification subnet's miners train on: all but those its validators hold out,
   * so a miner started outside the bootstrap ({@code fabric miner serve}) meets the validators as
   * the bootstrap's own miners do, never having seen the digits it is asked.
   */
  public static List<LabelledExample> minersTrainingDigits() {
    return DigitDemo.split().training();
  }
}
