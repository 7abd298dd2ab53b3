package io.taofabric.loadtests.gatling;

import io.gatling.javaapi.core.Simulation;

/**
 * Write load: {@code -Drate} signed transfers per second (default 20), each from one of a pool of
 * fresh keys with a fresh nonce to one fresh sink, or to {@code -Dsinks} receivers in turn ({@link
 * TransferLoad}). Before the measured phase
 * the faucet funds the pool ({@link FundedSigners}), so the report measures the transfers and not
 * the rate limiter. Target: p99 at most 100 ms and 99.9 % applied.
 */
public class SignedTransferSimulation extends Simulation {
  private final TransferLoad transfers = new TransferLoad(Gateway.rate(20));

  {
    setUp(transfers.population()).protocols(Gateway.protocol()).assertions(Gateway.assertions(100));
  }

  @Override
  public void before() {
    transfers.before();
  }

  @Override
  public void after() {
    transfers.after();
  }
}
