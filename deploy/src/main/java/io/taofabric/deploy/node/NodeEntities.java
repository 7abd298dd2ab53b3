package io.taofabric.deploy.node;

import io.taofabric.sharding.LedgerSharding;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Every entity type a node hosts, registered with Cluster Sharding in one place: a new entity type
 * joins the network by being registered here. Each type is split into the node's {@code
 * number-of-shards}, which reaches it through {@code pekko.cluster.sharding.number-of-shards}
 * ({@link NodeConfig}); Pekko refuses a node with another value when it joins.
 *
 * @param ledger the ledger's accounts, settlements and transfers
 */
public record NodeEntities(LedgerSharding ledger) {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CREDIT_RETRY = Duration.ofSeconds(1);

  /** Registers every entity type on {@code system}'s node. */
  public static NodeEntities register(ActorSystem<?> system) {
    return new NodeEntities(LedgerSharding.init(system, ASK_TIMEOUT, CREDIT_RETRY));
  }
}
