package io.taofabric.actors.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.actors.network.BlockClock;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.network.SubnetRegistryEntity.Subnets;
import io.taofabric.actors.serialization.MessageCodecs.Query;
import io.taofabric.actors.serialization.MessageCodecs.WithReply;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.persistence.serialization.CodecRegistry;
import io.taofabric.persistence.serialization.SubnetCodecs;
import io.taofabric.persistence.serialization.VersionedCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The forms of the network's messages (type ids 280–291, 297–298, 320–321): 280 the block clock's,
 * 281–284 the subnet registry's, 285–291, 297–298 and 320–321 a subnet's. A subnet's creation record travels as a nested frame in
 * its stored form, a subnet command as a nested frame of {@link SubnetWireCodecs}. Strings a
 * sender chose may be null, as in {@link SubnetWireCodecs}.
 */
final class NetworkMessageCodecs {
  private NetworkMessageCodecs() {}

  /** Every network message codec, writing refs in {@code refs} and nesting {@code values}. */
  static List<VersionedCodec<?>> all(ActorRefFormat refs, CodecRegistry values) {
    return List.of(
        new Query<>(BlockClock.GetHeight.class, 280, refs, BlockClock.GetHeight::new, BlockClock.GetHeight::replyTo),
        new KeyedOperation<>(
            SubnetRegistryEntity.CreateSubnet.class,
            281,
            refs,
            SubnetRegistryEntity.CreateSubnet::new,
            SubnetRegistryEntity.CreateSubnet::ownerColdkey,
            SubnetRegistryEntity.CreateSubnet::ownerHotkey,
            SubnetRegistryEntity.CreateSubnet::lockOperationId,
            SubnetRegistryEntity.CreateSubnet::replyTo),
        new Query<>(
            SubnetRegistryEntity.ListSubnets.class,
            282,
            refs,
            SubnetRegistryEntity.ListSubnets::new,
            SubnetRegistryEntity.ListSubnets::replyTo),
        new SubnetsReply(values),
        new BlockTick(),
        new Tick(values),
        new WithReply<>(
            SubnetEntity.Execute.class,
            286,
            values,
            refs,
            SubnetCommand.Direct.class,
            SubnetEntity.Execute::new,
            SubnetEntity.Execute::command,
            SubnetEntity.Execute::replyTo),
        new KeyedOperation<>(
            SubnetEntity.RegisterNeuron.class,
            287,
            refs,
            SubnetEntity.RegisterNeuron::new,
            SubnetEntity.RegisterNeuron::hotkey,
            SubnetEntity.RegisterNeuron::coldkey,
            SubnetEntity.RegisterNeuron::operationId,
            SubnetEntity.RegisterNeuron::replyTo),
        new StakeMove<>(
            SubnetEntity.Stake.class,
            288,
            refs,
            SubnetEntity.Stake::new,
            SubnetEntity.Stake::hotkey,
            SubnetEntity.Stake::coldkey,
            SubnetEntity.Stake::amount,
            SubnetEntity.Stake::operationId,
            SubnetEntity.Stake::replyTo),
        new StakeMove<>(
            SubnetEntity.Unstake.class,
            289,
            refs,
            SubnetEntity.Unstake::new,
            SubnetEntity.Unstake::hotkey,
            SubnetEntity.Unstake::coldkey,
            SubnetEntity.Unstake::amount,
            SubnetEntity.Unstake::operationId,
            SubnetEntity.Unstake::replyTo),
        new Query<>(
            SubnetEntity.GetMetagraph.class, 290, refs, SubnetEntity.GetMetagraph::new, SubnetEntity.GetMetagraph::replyTo),
        new MetagraphReply(),
        new Query<>(
            SubnetEntity.GetWeightsRules.class,
            297,
            refs,
            SubnetEntity.GetWeightsRules::new,
            SubnetEntity.GetWeightsRules::replyTo),
        new WeightsRulesReply(),
        new Query<>(
            SubnetEntity.GetHyperparameters.class,
            320,
            refs,
            SubnetEntity.GetHyperparameters::new,
            SubnetEntity.GetHyperparameters::replyTo),
        new HyperparametersReply());
  }

  /**
   * Laid out as (key, key, operationId, replyTo): an operation on two keys under an idempotency
   * key, a subnet's creation (owner coldkey, owner hotkey) or a neuron's registration (hotkey,
   * coldkey).
   */
  static final class KeyedOperation<T, R> extends MessageCodec<T> {
    interface Factory<T, R> {
      T create(String first, String second, String operationId, ActorRef<R> replyTo);
    }

    private final ActorRefFormat refs;
    private final Factory<T, R> factory;
    private final Function<T, String> first;
    private final Function<T, String> second;
    private final Function<T, String> operationId;
    private final Function<T, ActorRef<R>> replyTo;

    KeyedOperation(
        Class<T> type,
        int typeId,
        ActorRefFormat refs,
        Factory<T, R> factory,
        Function<T, String> first,
        Function<T, String> second,
        Function<T, String> operationId,
        Function<T, ActorRef<R>> replyTo) {
      super(type, typeId, 1);
      this.refs = refs;
      this.factory = factory;
      this.first = first;
      this.second = second;
      this.operationId = operationId;
      this.replyTo = replyTo;
    }

    @Override
    public void write(Output out, T m) {
      string(out, first.apply(m));
      string(out, second.apply(m));
      string(out, operationId.apply(m));
      replyTo(out, refs, replyTo.apply(m));
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(optional(in), optional(in), optional(in), replyTo(in, refs));
    }
  }

  /** Laid out as (hotkey, coldkey, amount, operationId, replyTo): stake moved in or out of a subnet. */
  static final class StakeMove<T, R> extends MessageCodec<T> {
    interface Factory<T, R> {
      T create(String hotkey, String coldkey, long amount, String operationId, ActorRef<R> replyTo);
    }

    private final ActorRefFormat refs;
    private final Factory<T, R> factory;
    private final Function<T, String> hotkey;
    private final Function<T, String> coldkey;
    private final ToLongFunction<T> amount;
    private final Function<T, String> operationId;
    private final Function<T, ActorRef<R>> replyTo;

    StakeMove(
        Class<T> type,
        int typeId,
        ActorRefFormat refs,
        Factory<T, R> factory,
        Function<T, String> hotkey,
        Function<T, String> coldkey,
        ToLongFunction<T> amount,
        Function<T, String> operationId,
        Function<T, ActorRef<R>> replyTo) {
      super(type, typeId, 1);
      this.refs = refs;
      this.factory = factory;
      this.hotkey = hotkey;
      this.coldkey = coldkey;
      this.amount = amount;
      this.operationId = operationId;
      this.replyTo = replyTo;
    }

    @Override
    public void write(Output out, T m) {
      string(out, hotkey.apply(m));
      string(out, coldkey.apply(m));
      out.writeVarLong(amount.applyAsLong(m), true);
      string(out, operationId.apply(m));
      replyTo(out, refs, replyTo.apply(m));
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(optional(in), optional(in), in.readVarLong(true), optional(in), replyTo(in, refs));
    }
  }

  /** Laid out as (block). */
  static final class BlockTick extends MessageCodec<SubnetRegistryEntity.BlockTick> {
    BlockTick() {
      super(SubnetRegistryEntity.BlockTick.class, 284, 1);
    }

    @Override
    public void write(Output out, SubnetRegistryEntity.BlockTick m) {
      out.writeVarLong(m.block(), true);
    }

    @Override
    public SubnetRegistryEntity.BlockTick read(Input in, int version) {
      return new SubnetRegistryEntity.BlockTick(in.readVarLong(true));
    }
  }

  /** Laid out as (block, creation record frame). */
  static final class Tick extends MessageCodec<SubnetEntity.Tick> {
    private final CodecRegistry values;

    Tick(CodecRegistry values) {
      super(SubnetEntity.Tick.class, 285, 1);
      this.values = values;
    }

    @Override
    public void write(Output out, SubnetEntity.Tick m) {
      out.writeVarLong(m.block(), true);
      values.write(out, m.identity());
    }

    @Override
    public SubnetEntity.Tick read(Input in, int version) {
      return new SubnetEntity.Tick(in.readVarLong(true), values.read(in, SubnetCreationStarted.class));
    }
  }

  /** Laid out as (count, creation record frames, next lock cost, block). */
  static final class SubnetsReply extends MessageCodec<Subnets> {
    private final CodecRegistry values;

    SubnetsReply(CodecRegistry values) {
      super(Subnets.class, 283, 1);
      this.values = values;
    }

    @Override
    public void write(Output out, Subnets s) {
      out.writeVarInt(s.subnets().size(), true);
      for (SubnetCreationStarted subnet : s.subnets()) {
        values.write(out, subnet);
      }
      out.writeVarLong(s.nextLockCost(), true);
      out.writeVarLong(s.block(), true);
    }

    @Override
    public Subnets read(Input in, int version) {
      int n = count(in, "subnets");
      List<SubnetCreationStarted> subnets = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        subnets.add(values.read(in, SubnetCreationStarted.class));
      }
      return new Subnets(subnets, in.readVarLong(true), in.readVarLong(true));
    }
  }

  /** Laid out as (commit–reveal flag, rate limit, reveal delay, reveal window). */
  static final class WeightsRulesReply extends MessageCodec<WeightsRules> {
    WeightsRulesReply() {
      super(WeightsRules.class, 298, 1);
    }

    @Override
    public void write(Output out, WeightsRules r) {
      flag(out, r.commitReveal());
      out.writeVarLong(r.rateLimitBlocks(), true);
      out.writeVarLong(r.revealDelayBlocks(), true);
      out.writeVarLong(r.revealWindowBlocks(), true);
    }

    @Override
    public WeightsRules read(Input in, int version) {
      return new WeightsRules(flag(in, "commitReveal"), in.readVarLong(true), in.readVarLong(true), in.readVarLong(true));
    }
  }

  /** Laid out as a subnet's stored events lay out hyperparameters ({@link SubnetCodecs#hyperparameters}). */
  static final class HyperparametersReply extends MessageCodec<SubnetHyperparameters> {
    HyperparametersReply() {
      super(SubnetHyperparameters.class, 321, 1);
    }

    @Override
    public void write(Output out, SubnetHyperparameters h) {
      SubnetCodecs.hyperparameters(out, h);
    }

    @Override
    public SubnetHyperparameters read(Input in, int version) {
      return SubnetCodecs.hyperparameters(in);
    }
  }

  /**
   * Laid out as (netuid, owner coldkey, block, epochs, tempo, burn, count, rows); a row as (uid,
   * hotkey, coldkey, stake, validator permit, consensus, incentive, dividends, validator trust,
   * emission, registered at, last update, endpoint). The owner coldkey (before the subnet exists),
   * a row's coldkey and its endpoint (none served) may be null.
   */
  static final class MetagraphReply extends MessageCodec<Metagraph> {
    MetagraphReply() {
      super(Metagraph.class, 291, 1);
    }

    @Override
    public void write(Output out, Metagraph m) {
      out.writeVarInt(m.netuid(), true);
      string(out, m.ownerColdkey());
      out.writeVarLong(m.block(), true);
      out.writeVarLong(m.epochs(), true);
      out.writeVarLong(m.tempo(), true);
      out.writeVarLong(m.burn(), true);
      out.writeVarInt(m.neurons().size(), true);
      for (Metagraph.Row row : m.neurons()) {
        row(out, row);
      }
    }

    @Override
    public Metagraph read(Input in, int version) {
      int netuid = in.readVarInt(true);
      String owner = optional(in);
      long block = in.readVarLong(true);
      long epochs = in.readVarLong(true);
      long tempo = in.readVarLong(true);
      long burn = in.readVarLong(true);
      int n = count(in, "neurons");
      List<Metagraph.Row> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        rows.add(row(in));
      }
      return new Metagraph(netuid, owner, block, epochs, tempo, burn, rows);
    }

    private static void row(Output out, Metagraph.Row r) {
      out.writeVarInt(r.uid(), true);
      string(out, r.hotkey());
      string(out, r.coldkey());
      out.writeVarLong(r.stake(), true);
      flag(out, r.validatorPermit());
      out.writeVarInt(r.consensus(), true);
      out.writeVarInt(r.incentive(), true);
      out.writeVarInt(r.dividends(), true);
      out.writeVarInt(r.validatorTrust(), true);
      out.writeVarLong(r.emission(), true);
      out.writeVarLong(r.registeredAt(), true);
      out.writeVarLong(r.lastUpdate(), true);
      string(out, r.endpoint());
    }

    private static Metagraph.Row row(Input in) {
      return new Metagraph.Row(
          in.readVarInt(true),
          string(in, "hotkey"),
          optional(in),
          in.readVarLong(true),
          flag(in, "validatorPermit"),
          in.readVarInt(true),
          in.readVarInt(true),
          in.readVarInt(true),
          in.readVarInt(true),
          in.readVarLong(true),
          in.readVarLong(true),
          in.readVarLong(true),
          optional(in));
    }
  }
}
