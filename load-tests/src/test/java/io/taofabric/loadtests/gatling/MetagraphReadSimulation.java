package io.taofabric.loadtests.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;

/**
 * Read-heavy load: each arriving user reads subnet {@code -Dnetuid}'s metagraph (default 1) and the
 * faucet's account, so {@code -Drate} requests per second arrive as half as many users. Target: p99
 * at most 50 ms and 99.9 % answered 200.
 */
public class MetagraphReadSimulation extends Simulation {
  private static final int NETUID = Integer.getInteger("netuid", 1);

  {
    double requestsPerSecond = Gateway.rate(100);
    setUp(scenario("metagraph and account reads")
            .exec(Gateway.metagraph(NETUID), Gateway.account(Gateway.faucet().hotkey()))
            .injectOpen(Gateway.load(requestsPerSecond / 2)))
        .protocols(Gateway.protocol())
        .assertions(Gateway.assertions(50));
  }
}
