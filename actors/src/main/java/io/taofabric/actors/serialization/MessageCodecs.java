package io.taofabric.actors.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.AccountEntity.Balance;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.actors.ledger.SettlementEntity.Uncredited;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.persistence.serialization.CodecRegistry;
import io.taofabric.persistence.serialization.FieldCodec;
import io.taofabric.persistence.serialization.LedgerCodecs;
import io.taofabric.persistence.serialization.LedgerWireCodecs;
import io.taofabric.persistence.serialization.NetworkCodecs;
import io.taofabric.persistence.serialization.VersionedCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The forms of the messages entities exchange across nodes. Type ids 250–299 and 320–339, never
 * reused: 25x accounts, 26x settlement records, 27x transfers, 280–291, 297–298 and 320–321 the
 * network's messages ({@link NetworkMessageCodecs}), 292–296 the subnet commands they carry ({@link
 * SubnetWireCodecs}), 300–319 the participants' ({@link ParticipantMessageCodecs}); 299 and
 * 322–339 are free. A value inside a message (an account command, an epoch, a transfer request, a
 * subnet's creation record, a subnet command) is a nested frame of {@link #values()}, so it keeps
 * its own type id and version.
 */
public final class MessageCodecs {
  private MessageCodecs() {}

  /** Every message codec, writing actor refs in {@code refs}. */
  public static List<VersionedCodec<?>> all(ActorRefFormat refs) {
    CodecRegistry values = new CodecRegistry(values());
    return Stream.of(ledger(refs, values), NetworkMessageCodecs.all(refs, values), ParticipantMessageCodecs.all(refs)).flatMap(List::stream).toList();
  }

  /**
   * Every value a message nests as a frame of its own: the ledger's ({@link LedgerWireCodecs}), a
   * subnet's creation record in its stored form ({@link NetworkCodecs}), and the commands a
   * participant sends a subnet ({@link SubnetWireCodecs}).
   */
  public static List<VersionedCodec<?>> values() {
    return Stream.of(
            LedgerWireCodecs.all(),
            NetworkCodecs.all().stream().filter(c -> c.type() == SubnetCreationStarted.class).toList(),
            SubnetWireCodecs.all())
        .flatMap(List::stream)
        .toList();
  }

  private static List<VersionedCodec<?>> ledger(ActorRefFormat refs, CodecRegistry values) {
    return List.of(
        new WithReply<>(
            AccountEntity.Execute.class,
            250,
            values,
            refs,
            AccountCommand.class,
            AccountEntity.Execute::new,
            AccountEntity.Execute::command,
            AccountEntity.Execute::replyTo),
        new Query<>(AccountEntity.GetBalance.class, 251, refs, AccountEntity.GetBalance::new, AccountEntity.GetBalance::replyTo),
        new BalanceReply(),
        new WithReply<>(
            SettlementEntity.Settle.class,
            260,
            values,
            refs,
            EpochSettled.class,
            SettlementEntity.Settle::new,
            SettlementEntity.Settle::epoch,
            SettlementEntity.Settle::replyTo),
        new Query<>(
            SettlementEntity.GetUncredited.class,
            261,
            refs,
            SettlementEntity.GetUncredited::new,
            SettlementEntity.GetUncredited::replyTo),
        new UncreditedReply());
  }

  /** Laid out as (replyTo): a question whose only field is where the answer goes. */
  static final class Query<T, R> extends MessageCodec<T> {
    private final ActorRefFormat refs;
    private final Function<ActorRef<R>, T> factory;
    private final Function<T, ActorRef<R>> replyTo;

    Query(Class<T> type, int typeId, ActorRefFormat refs, Function<ActorRef<R>, T> factory, Function<T, ActorRef<R>> replyTo) {
      super(type, typeId, 1);
      this.refs = refs;
      this.factory = factory;
      this.replyTo = replyTo;
    }

    @Override
    public void write(Output out, T m) {
      replyTo(out, refs, replyTo.apply(m));
    }

    @Override
    public T read(Input in, int version) {
      return factory.apply(replyTo(in, refs));
    }
  }

  /** Laid out as (value frame, replyTo): a value to act on and where the answer goes. */
  static final class WithReply<T, V, R> extends MessageCodec<T> {
    private final CodecRegistry values;
    private final ActorRefFormat refs;
    private final Class<V> valueType;
    private final BiFunction<V, ActorRef<R>, T> factory;
    private final Function<T, V> value;
    private final Function<T, ActorRef<R>> replyTo;

    WithReply(
        Class<T> type,
        int typeId,
        CodecRegistry values,
        ActorRefFormat refs,
        Class<V> valueType,
        BiFunction<V, ActorRef<R>, T> factory,
        Function<T, V> value,
        Function<T, ActorRef<R>> replyTo) {
      super(type, typeId, 1);
      this.values = values;
      this.refs = refs;
      this.valueType = valueType;
      this.factory = factory;
      this.value = value;
      this.replyTo = replyTo;
    }

    @Override
    public void write(Output out, T m) {
      values.write(out, value.apply(m));
      replyTo(out, refs, replyTo.apply(m));
    }

    @Override
    public T read(Input in, int version) {
      return factory.apply(values.read(in, valueType), replyTo(in, refs));
    }
  }

  static final class BalanceReply extends FieldCodec<Balance> {
    BalanceReply() {
      super(Balance.class, 252, 1);
    }

    @Override
    public void write(Output out, Balance b) {
      string(out, b.coldkey());
      out.writeVarLong(b.free(), true);
      LedgerCodecs.stakes(out, b.stakes());
    }

    @Override
    public Balance read(Input in, int version) {
      return new Balance(string(in, "coldkey"), in.readVarLong(true), LedgerCodecs.stakes(in));
    }
  }

  static final class UncreditedReply extends FieldCodec<Uncredited> {
    UncreditedReply() {
      super(Uncredited.class, 262, 1);
    }

    @Override
    public void write(Output out, Uncredited u) {
      out.writeVarInt(u.epochs().size(), true);
      for (long epoch : u.epochs()) {
        out.writeVarLong(epoch, true);
      }
    }

    @Override
    public Uncredited read(Input in, int version) {
      int n = count(in, "epochs");
      List<Long> epochs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        epochs.add(in.readVarLong(true));
      }
      return new Uncredited(epochs);
    }
  }
}
