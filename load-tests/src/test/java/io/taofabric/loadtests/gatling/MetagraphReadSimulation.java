package io.taofabric.loadtests.gatling;

import io.gatling.javaapi.core.Simulation;

/**
 * Read-heavy load: each arriving user reads subnet {@code -Dnetuid}'s metagraph (default 1) and the
 * faucet's account, so {@code -Drate} requests per second arrive as half as many users. Target: p99
 * at most 50 ms and 99.9 % answered 200.
 */
public class MetagraphReadSimulation extends Simulation {
  {
    setUp(Gateway.reads(Integer.getInteger("netuid", 1), Gateway.rate(100) / 2))
        .protocols(Gateway.protocol())
        .assertions(Gateway.assertions(50));
  }
}
