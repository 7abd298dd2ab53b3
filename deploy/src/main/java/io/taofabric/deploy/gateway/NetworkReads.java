package io.taofabric.deploy.gateway;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.network.BlockClock;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.network.NetworkEvent.BlockProduced;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.deploy.node.NodeEntities;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The entities' read queries, each asked with the gateway's timeout: a query that is not answered
 * in time fails with a {@link java.util.concurrent.TimeoutException}, which the routes answer 503.
 */
final class NetworkReads {
  private final ActorSystem<?> system;
  private final NodeEntities entities;
  private final Duration timeout;

  NetworkReads(ActorSystem<?> system, NodeEntities entities, Duration timeout) {
    this.system = system;
    this.entities = entities;
    this.timeout = timeout;
  }

  /** The subnets that exist, the next lock's price and the registry's block. */
  CompletionStage<SubnetRegistryEntity.Subnets> subnets() {
    return AskPattern.ask(entities.network().registry(), SubnetRegistryEntity.ListSubnets::new, timeout, system.scheduler());
  }

  /** Subnet {@code netuid}'s metagraph; its owner is null when the subnet does not exist. */
  CompletionStage<Metagraph> metagraph(int netuid) {
    return entities.network().subnet(netuid).ask(SubnetEntity.GetMetagraph::new, timeout);
  }

  /**
   * Subnet {@code netuid}'s metagraph, or empty when there is no such subnet. The registry is asked
   * first, so a client naming netuids at random never has the cluster start an entity for each.
   */
  CompletionStage<Optional<Metagraph>> existing(int netuid) {
    return subnets()
        .thenCompose(
            subnets -> {
              boolean listed = subnets.subnets().stream().anyMatch(s -> s.netuid() == netuid);
              return listed ? metagraph(netuid).thenApply(NetworkReads::created) : CompletableFuture.completedFuture(Optional.empty());
            });
  }

  /** A listed subnet's entity exists from the next block on; until then it has no owner. */
  private static Optional<Metagraph> created(Metagraph metagraph) {
    return metagraph.ownerColdkey() == null ? Optional.empty() : Optional.of(metagraph);
  }

  /** Subnet {@code netuid}'s hyperparameters. */
  CompletionStage<SubnetHyperparameters> hyperparameters(int netuid) {
    return entities.network().subnet(netuid).ask(SubnetEntity.GetHyperparameters::new, timeout);
  }

  /** The balances of {@code coldkey}'s account. */
  CompletionStage<AccountEntity.Balance> balance(String coldkey) {
    return entities.ledger().account(coldkey).ask(AccountEntity.GetBalance::new, timeout);
  }

  /** The block clock's height. */
  CompletionStage<Long> height() {
    return AskPattern.<BlockClock.Command, BlockProduced>ask(
            entities.network().clock(), BlockClock.GetHeight::new, timeout, system.scheduler())
        .thenApply(BlockProduced::block);
  }
}
