package io.taofabric.loadtests.gatling;

import static io.gatling.javaapi.core.CoreDsl.details;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.Simulation;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway's day, at {@code -Drate} requests per second in all (default 100): 70 % reads (metagraph
 * and account), 20 % signed transfers, 5 % stake moves (an add then a remove) and 5 % client
 * queries to subnet 1's miners, each its own scenario with its own arrivals. Assertions: p99 at
 * most 100 ms and 99.9 % successful over everything, and each kind within the target of its own
 * simulation (reads 50 ms, transfers and stake moves 100 ms, queries 250 ms); the transfers and
 * stake moves are checked afterwards as in their simulations.
 */
public class MixedSimulation extends Simulation {
  private static final int NETUID = 1;
  private static final double READS = 0.70;
  private static final double TRANSFERS = 0.20;
  private static final double STAKE_MOVES = 0.05;
  private static final double QUERIES = 0.05;

  private final double rate = Gateway.rate(100);
  // each read user sends two requests, as does each stake user
  private final TransferLoad transfers = new TransferLoad(rate * TRANSFERS);
  private final StakeLoad stake = new StakeLoad(rate * STAKE_MOVES / 2);

  {
    setUp(
            Gateway.reads(NETUID, rate * READS / 2),
            transfers.population(),
            stake.population(),
            Gateway.queries(NETUID, rate * QUERIES))
        .protocols(Gateway.protocol())
        .assertions(assertions());
  }

  private static List<Assertion> assertions() {
    List<Assertion> all = new ArrayList<>(Gateway.assertions(100));
    all.add(p99("metagraph", 50));
    all.add(p99("account", 50));
    all.add(p99("transfer", 100));
    all.add(p99("add stake", 100));
    all.add(p99("remove stake", 100));
    all.add(p99("query", 250));
    return all;
  }

  private static Assertion p99(String request, int millis) {
    return details(request).responseTime().percentile(99.0).lte(Gateway.p99(millis));
  }

  @Override
  public void before() {
    transfers.before();
    stake.before();
  }

  @Override
  public void after() {
    transfers.after();
    stake.after();
  }
}
