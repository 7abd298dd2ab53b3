package io.taofabric.sharding;

import com.typesafe.config.Config;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.actors.network.BlockClock;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.participant.MinerEntity;
import io.taofabric.actors.participant.ParticipantId;
import io.taofabric.actors.participant.Subnets;
import io.taofabric.actors.participant.ValidatorEntity;
import io.taofabric.actors.participant.ValidatorSettings;
import io.taofabric.actors.subnet.Settlements;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.pattern.StatusReply;

/**
 * The network's entities in the cluster: sharded subnets (one writer each), and two cluster
 * singletons, the subnet registry and the block clock that drives it. The clock ticks the
 * registry, the registry ticks every subnet, and a subnet at its epoch block settles through the
 * ledger's settlement records. Validators and miners are sharded by {@code netuid/hotkey};
 * validators are remembered, so their loops run again wherever their shard moves or restarts
 * without anyone messaging them.
 */
public final class NetworkSharding {
  /** Sharded subnets, by netuid. */
  public static final EntityTypeKey<SubnetEntity.Command> SUBNET =
      EntityTypeKey.create(SubnetEntity.Command.class, SubnetEntity.TYPE);

  /** Sharded validators, by {@code netuid/hotkey}. */
  public static final EntityTypeKey<ValidatorEntity.Command> VALIDATOR =
      EntityTypeKey.create(ValidatorEntity.Command.class, ValidatorEntity.TYPE);

  /** Sharded miners, by {@code netuid/hotkey}. */
  public static final EntityTypeKey<MinerEntity.Command> MINER = EntityTypeKey.create(MinerEntity.Command.class, MinerEntity.TYPE);

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
    Subnets subnets = new ShardedSubnets(sharding, settings.askTimeout());
    ValidatorSettings validators = validatorSettings(system.settings().config());
    sharding.init(
        Entity.of(
                VALIDATOR,
                context ->
                    ValidatorEntity.create(ParticipantId.parse(context.getEntityId()), subnets, validators, new SecureRandom()))
            .withSettings(
                // The journal keeps the remembered ids, so they survive a full cluster restart on
                // Cassandra as in the tests' in-memory journal; ddata would need durable storage.
                ClusterShardingSettings.create(system)
                    .withRememberEntities(true)
                    .withRememberEntitiesStoreMode(ClusterShardingSettings.rememberEntitiesStoreModeEventSourced())));
    sharding.init(Entity.of(MINER, context -> MinerEntity.create(ParticipantId.parse(context.getEntityId()), subnets)));
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

  /** The validator of {@code hotkey} in subnet {@code netuid}. */
  public EntityRef<ValidatorEntity.Command> validator(int netuid, String hotkey) {
    return sharding.entityRefFor(VALIDATOR, new ParticipantId(netuid, hotkey).entityId());
  }

  /** The miner of {@code hotkey} in subnet {@code netuid}. */
  public EntityRef<MinerEntity.Command> miner(int netuid, String hotkey) {
    return sharding.entityRefFor(MINER, new ParticipantId(netuid, hotkey).entityId());
  }

  /** The subnet registry, wherever its singleton runs. */
  public ActorRef<SubnetRegistryEntity.Command> registry() {
    return registry;
  }

  /** The block clock, wherever its singleton runs. */
  public ActorRef<BlockClock.Command> clock() {
    return clock;
  }

  /** The settings under {@code taofabric.network.validator} of {@code root}. */
  private static ValidatorSettings validatorSettings(Config root) {
    Config c = root.getConfig("taofabric.network.validator");
    return new ValidatorSettings(c.getDuration("loop-interval"), c.getLong("score-alpha-millionths"));
  }

  /** Participants' way to their sharded subnet. */
  private static final class ShardedSubnets implements Subnets {
    private final ClusterSharding sharding;
    private final Duration askTimeout;

    private ShardedSubnets(ClusterSharding sharding, Duration askTimeout) {
      this.sharding = sharding;
      this.askTimeout = askTimeout;
    }

    @Override
    public CompletionStage<Metagraph> metagraph(int netuid) {
      return subnet(netuid).ask(SubnetEntity.GetMetagraph::new, askTimeout);
    }

    /**
     * The rules of the hyperparameters every subnet is created with: a subnet does not yet answer
     * with its own, so after an owner changes them a validator's submissions are refused (and
     * logged) until SubnetEntity offers a query for them.
     */
    @Override
    public CompletionStage<WeightsRules> weightsRules(int netuid) {
      return subnet(netuid).ask(SubnetEntity.GetWeightsRules::new, askTimeout);
    }

    @Override
    public CompletionStage<StatusReply<Done>> execute(int netuid, SubnetCommand.Direct command) {
      return subnet(netuid).ask(replyTo -> new SubnetEntity.Execute(command, replyTo), askTimeout);
    }

    private EntityRef<SubnetEntity.Command> subnet(int netuid) {
      return sharding.entityRefFor(SUBNET, Integer.toString(netuid));
    }
  }
}
