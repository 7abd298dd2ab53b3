package io.taofabric.loadtests.gatling;

import io.gatling.javaapi.core.Simulation;

/**
 * Stake load: {@code -Drate} signed stake moves per second (default 20), as users that each add
 * stake from a funded fresh coldkey to the most staked hotkey of subnet 1 and then remove half of
 * it ({@link StakeLoad}). Target: p99 at most 100 ms and 99.9 % applied; afterwards every coldkey's
 * stake, as the gateway reads it, must be what its applied moves left.
 */
public class StakeSimulation extends Simulation {
  private final StakeLoad stake = new StakeLoad(Gateway.rate(20) / 2);

  {
    setUp(stake.population()).protocols(Gateway.protocol()).assertions(Gateway.assertions(100));
  }

  @Override
  public void before() {
    stake.before();
  }

  @Override
  public void after() {
    stake.after();
  }
}
