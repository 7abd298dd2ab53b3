package io.taofabric.deploy.node;

import io.taofabric.sharding.LedgerSharding;
import io.taofabric.sharding.NetworkSettings;
import io.taofabric.sharding.NetworkSharding;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Every entity type a node hosts, registered with Cluster Sharding in one place: a new entity type
 * joins the network by being registered here. Each type is split into the node's {@code
 * number-of-shards}, which reaches it through {@code pekko.cluster.sharding.number-of-shards}
 * ({@link NodeConfig}); Pekko refuses a node with another value when it joins.
 *
 * @param ledger the ledger's accounts, settlements and transfers
 * @param network the subnets, the subnet registry and the block clock
 */
public record NodeEntities(LedgerSharding ledger, NetworkSharding network) {
  /** Registers every entity type on {@code system}'s node, with the network's settings from its configuration. */
  public static NodeEntities register(ActorSystem<?> system) {
    LedgerSharding ledger = ledger(system);
    return new NodeEntities(ledger, NetworkSharding.init(system, ledger, NetworkSettings.from(system.settings().config())));
  }

  /** Registers only the ledger's entity types: what a node running no network needs. */
  public static LedgerSharding ledger(ActorSystem<?> system) {
    NetworkSettings settings = NetworkSettings.from(system.settings().config());
    return LedgerSharding.init(system, settings.askTimeout(), settings.retryAfter());
  }
}
