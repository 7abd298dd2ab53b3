package io.taofabric.sharding;

import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.actors.network.BlockClock;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.subnet.Settlements;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The network's entities in the cluster: sharded subnets (one writer each), and two cluster
 * singletons, the subnet registry and the block clock that drives it. The clock ticks the
 * registry, the registry ticks every subnet, and a subnet at its epoch block settles through the
 * ledger's settlement records.
 */
public final class NetworkSharding {
  /** Sharded subnets, by netuid. */
  public static final EntityTypeKey<SubnetEntity.Command> SUBNET =
      EntityTypeKey.create(SubnetEntity.Command.class, SubnetEntity.TYPE);

  private final ClusterSharding sharding;
  private final ActorRef<SubnetRegistryEntity.Command> registry;
  private final ActorRef<BlockClock.Command> clock;

  private NetworkSharding(
      ClusterSharding sharding, ActorRef<SubnetRegistryEntity.Command> registry, ActorRef<BlockClock.Command> clock) {
    this.sharding = sharding;
    this.registry = registry;
    this.clock = clock;
  }

  /** Registers subnets and starts (or joins) the registry and clock singletons on this node. */
  public static NetworkSharding init(ActorSystem<?> system, LedgerSharding ledger, NetworkSettings settings) {
    ClusterSharding sharding = ClusterSharding.get(system);
    Settlements settlements =
        epoch ->
            ledger
                .settlement(epoch.netuid())
                .ask(replyTo -> new SettlementEntity.Settle(epoch, replyTo), settings.askTimeout());
    sharding.init(
        Entity.of(
            SUBNET,
            context ->
                SubnetEntity.create(
                    Integer.parseInt(context.getEntityId()), ledger.accounts(), settlements, settings.retryAfter())));
    ClusterSingleton singletons = ClusterSingleton.get(system);
    ActorRef<SubnetRegistryEntity.Command> registry =
        singletons.init(
            SingletonActor.of(
                SubnetRegistryEntity.create(
                    settings.registry(),
                    ledger.accounts(),
                    (SubnetCreationStarted subnet, Long block) ->
                        sharding.entityRefFor(SUBNET, Integer.toString(subnet.netuid())).tell(new SubnetEntity.Tick(block, subnet)),
                    settings.retryAfter()),
                "subnet-registry"));
    ActorRef<BlockClock.Command> clock =
        singletons.init(
            SingletonActor.of(
                BlockClock.create(settings.blockInterval(), registry, SubnetRegistryEntity.BlockTick::new), "block-clock"));
    return new NetworkSharding(sharding, registry, clock);
  }

  /** The subnet {@code netuid}. */
  public EntityRef<SubnetEntity.Command> subnet(int netuid) {
    return sharding.entityRefFor(SUBNET, Integer.toString(netuid));
  }

  /** The subnet registry, wherever its singleton runs. */
  public ActorRef<SubnetRegistryEntity.Command> registry() {
    return registry;
  }

  /** The block clock, wherever its singleton runs. */
  public ActorRef<BlockClock.Command> clock() {
    return clock;
  }
}
