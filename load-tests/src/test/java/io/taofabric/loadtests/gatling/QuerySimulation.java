package io.taofabric.loadtests.gatling;

import io.gatling.javaapi.core.Simulation;

/**
 * Client queries: {@code -Drate} forecasting queries per second (default 20) through the gateway
 * to subnet {@code -Dnetuid}'s best miners (default 1) over Aeron. The gateway runs one query round
 * at a time and waits for the slowest of the miners it asks (at most its 2 s query timeout), so
 * this measures the fan-out, not HTTP. Target: p99 at most 250 ms and 99.9 % answered by a miner.
 */
public class QuerySimulation extends Simulation {
  {
    setUp(Gateway.queries(Integer.getInteger("netuid", 1), Gateway.rate(20)))
        .protocols(Gateway.protocol())
        .assertions(Gateway.assertions(250));
  }
}
