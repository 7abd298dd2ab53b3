package io.taofabric.deploy.node;

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
}
