package io.taofabric.deploy.gateway;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.subnet.Metagraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whom a client's query goes to, read from the subnet's metagraph: the best miners by incentive
 * that serve an endpoint, and the key to sign as. Miners admit only callers holding a validator
 * permit in their subnet, so the gateway signs as one of its keys that holds one there, the one
 * with the most stake (miners serve larger stakes first).
 *
 * @param signer the permitted key the query is signed with
 * @param miners the miners to ask, best incentive first
 */
record QueryPlan(SigningKey signer, List<Miner> miners) {
  /** A miner to ask: its UID, hotkey, served {@code host:port} and incentive in [0, 1]. */
  record Miner(int uid, String hotkey, String endpoint, double incentive) {}

  /** What {@link #of} found: a plan, or why there is none. */
  sealed interface Outcome {}

  /** A plan to carry out. */
  record Ready(QueryPlan plan) implements Outcome {}

  /** No plan: 503, no key with a permit or no miner serving. */
  record Impossible(ApiError error) implements Outcome {}

  private static final Comparator<Metagraph.Row> BEST_FIRST =
      Comparator.comparingInt(Metagraph.Row::incentive)
          .thenComparingLong(Metagraph.Row::stake)
          .reversed()
          .thenComparingInt(Metagraph.Row::uid);

  /** Copies the miners. */
  QueryPlan {
    miners = List.copyOf(miners);
  }

  /**
   * The plan for a query of {@code metagraph}'s subnet: signed with the best-staked of {@code
   * keys} holding a permit there, to the {@code top} miners (other than the signer) with the most
   * incentive that served an endpoint, ties by stake, then UID.
   */
  static Outcome of(Metagraph metagraph, List<SigningKey> keys, int top) {
    Map<String, Long> permitted = metagraph.permittedStakes();
    SigningKey signer = null;
    for (SigningKey key : keys) {
      Long stake = permitted.get(key.hotkey());
      if (stake != null && (signer == null || stake > permitted.get(signer.hotkey()))) {
        signer = key;
      }
    }
    if (signer == null) {
      return new Impossible(
          ApiError.of(
              503,
              "no_query_key",
              "this gateway holds no key with a validator permit in subnet " + metagraph.netuid()
                  + ", and its miners answer only permit holders (taofabric.gateway.query, docs/cluster.md)"));
    }
    String self = signer.hotkey();
    List<Metagraph.Row> serving = new ArrayList<>();
    for (Metagraph.Row row : metagraph.neurons()) {
      if (row.endpoint() != null && !row.hotkey().equals(self)) {
        serving.add(row);
      }
    }
    if (serving.isEmpty()) {
      return new Impossible(ApiError.of(503, "no_miners", "no miner of subnet " + metagraph.netuid() + " serves an endpoint"));
    }
    serving.sort(BEST_FIRST);
    List<Miner> miners = new ArrayList<>();
    for (Metagraph.Row row : serving.subList(0, Math.min(top, serving.size()))) {
      miners.add(new Miner(row.uid(), row.hotkey(), row.endpoint(), row.incentive() / 65_535.0));
    }
    return new Ready(new QueryPlan(signer, miners));
  }
}
