package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.ledger.Account;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.AccountEvent.EmissionCredited;
import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import io.taofabric.core.ledger.AccountEvent.RegistrationBurned;
import io.taofabric.core.ledger.AccountEvent.StakeAdded;
import io.taofabric.core.ledger.AccountEvent.StakeRemoved;
import io.taofabric.core.ledger.AccountEvent.SubnetLockRecycled;
import io.taofabric.core.ledger.AccountEvent.TransferredIn;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.SettlementEvent.EpochCredited;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.TransferEvent;
import io.taofabric.core.ledger.TransferEvent.TransferCompleted;
import io.taofabric.core.ledger.TransferEvent.TransferDebited;
import io.taofabric.core.ledger.TransferEvent.TransferFailed;
import io.taofabric.core.ledger.TransferEvent.TransferRequested;
import io.taofabric.core.ledger.TransferRequest;
import io.taofabric.core.ledger.UidEmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The stored forms of the ledger's events (accounts, settlements, transfer sagas) and the account
 * snapshot. Type ids 100–199 belong to the stored ledger (200–249 to its values on the wire, {@link
 * LedgerWireCodecs}); a new layout gets a new version and its {@code read} keeps every older one.
 */
public final class LedgerCodecs {
  private LedgerCodecs() {}

  /** Every ledger codec. */
  public static List<VersionedCodec<?>> all() {
    return List.of(
        new Genesis<>(
            GenesisCredited.class,
            101,
            GenesisCredited::new,
            GenesisCredited::operationId,
            GenesisCredited::amount,
            GenesisCredited::block),
        new Transfer<>(
            TransferredOut.class,
            102,
            TransferredOut::new,
            TransferredOut::operationId,
            TransferredOut::to,
            TransferredOut::amount,
            TransferredOut::block),
        new Transfer<>(
            TransferredIn.class,
            103,
            TransferredIn::new,
            TransferredIn::operationId,
            TransferredIn::from,
            TransferredIn::amount,
            TransferredIn::block),
        new OnHotkey<>(
            StakeAdded.class,
            104,
            StakeAdded::new,
            StakeAdded::operationId,
            StakeAdded::hotkey,
            StakeAdded::netuid,
            StakeAdded::amount,
            StakeAdded::block),
        new OnHotkey<>(
            StakeRemoved.class,
            105,
            StakeRemoved::new,
            StakeRemoved::operationId,
            StakeRemoved::hotkey,
            StakeRemoved::netuid,
            StakeRemoved::amount,
            StakeRemoved::block),
        new OnHotkey<>(
            RegistrationBurned.class,
            106,
            RegistrationBurned::new,
            RegistrationBurned::operationId,
            RegistrationBurned::hotkey,
            RegistrationBurned::netuid,
            RegistrationBurned::amount,
            RegistrationBurned::block),
        new SubnetLock<>(
            SubnetLockRecycled.class,
            108,
            SubnetLockRecycled::new,
            SubnetLockRecycled::operationId,
            SubnetLockRecycled::netuid,
            SubnetLockRecycled::amount,
            SubnetLockRecycled::block),
        new Emission<>(
            EmissionCredited.class,
            107,
            LedgerCodecs::emissionCredited,
            EmissionCredited::netuid,
            EmissionCredited::epoch,
            EmissionCredited::uid,
            EmissionCredited::hotkey,
            EmissionCredited::amount,
            EmissionCredited::block),
        new Settled(),
        new Credited(),
        new AccountSnapshot(),
        new Requested(),
        new TransferStep<>(TransferDebited.class, 131, TransferDebited::new),
        new TransferStep<>(TransferCompleted.class, 132, TransferCompleted::new),
        new Failed());
  }

  /** The idempotency key is derived from (netuid, epoch, uid), so it is not stored. */
  private static EmissionCredited emissionCredited(int netuid, long epoch, int uid, String hotkey, long amount, long block) {
    return new EmissionCredited(AccountCommand.emissionKey(netuid, epoch, uid), netuid, epoch, uid, hotkey, amount, block);
  }

  /** Writes an account's stake entries: hotkey, subnet and rao of each, in key order. */
  public static void stakes(Output out, Map<StakeKey, Long> stakes) {
    out.writeVarInt(stakes.size(), true);
    for (Map.Entry<StakeKey, Long> s : stakes.entrySet()) {
      FieldCodec.string(out, s.getKey().hotkey());
      out.writeVarInt(s.getKey().netuid(), true);
      out.writeVarLong(s.getValue(), true);
    }
  }

  /** Reads what {@link #stakes(Output, Map)} wrote. */
  public static TreeMap<StakeKey, Long> stakes(Input in) {
    int n = FieldCodec.count(in, "stakes");
    TreeMap<StakeKey, Long> stakes = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      stakes.put(new StakeKey(FieldCodec.string(in, "hotkey"), in.readVarInt(true)), in.readVarLong(true));
    }
    return stakes;
  }

  /** Writes a transfer request's fields: id, sender, receiver, rao, block. */
  static void request(Output out, TransferRequest r) {
    FieldCodec.string(out, r.id());
    FieldCodec.string(out, r.from());
    FieldCodec.string(out, r.to());
    out.writeVarLong(r.amount(), true);
    out.writeVarLong(r.block(), true);
  }

  /** Reads what {@link #request(Output, TransferRequest)} wrote. */
  static TransferRequest request(Input in) {
    return new TransferRequest(
        FieldCodec.string(in, "id"),
        FieldCodec.string(in, "from"),
        FieldCodec.string(in, "to"),
        in.readVarLong(true),
        in.readVarLong(true));
  }

  /** Laid out as (operation, amount, block): genesis credits, as the event and as the command. */
  static final class Genesis<T> extends FieldCodec<T> {
    interface Factory<T> {
      T create(String operationId, long amount, long block);
    }

    private final Factory<T> factory;
    private final Function<T, String> operationId;
    private final ToLongFunction<T> amount;
    private final ToLongFunction<T> block;

    Genesis(
        Class<T> type,
        int typeId,
        Factory<T> factory,
        Function<T, String> operationId,
        ToLongFunction<T> amount,
        ToLongFunction<T> block) {
      super(type, typeId, 1);
      this.factory = factory;
      this.operationId = operationId;
      this.amount = amount;
      this.block = block;
    }

    @Override
    public void write(Output out, T e) {
      string(out, operationId.apply(e));
      out.writeVarLong(amount.applyAsLong(e), true);
      out.writeVarLong(block.applyAsLong(e), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(string(in, "operationId"), in.readVarLong(true), in.readVarLong(true));
    }
  }

  /**
   * Laid out as (operation, counterparty, amount, block): the two halves of a transfer, as events
   * and as commands.
   */
  static final class Transfer<T> extends FieldCodec<T> {
    interface Factory<T> {
      T create(String operationId, String counterparty, long amount, long block);
    }

    private final Factory<T> factory;
    private final Function<T, String> operationId;
    private final Function<T, String> counterparty;
    private final ToLongFunction<T> amount;
    private final ToLongFunction<T> block;

    Transfer(
        Class<T> type,
        int typeId,
        Factory<T> factory,
        Function<T, String> operationId,
        Function<T, String> counterparty,
        ToLongFunction<T> amount,
        ToLongFunction<T> block) {
      super(type, typeId, 1);
      this.factory = factory;
      this.operationId = operationId;
      this.counterparty = counterparty;
      this.amount = amount;
      this.block = block;
    }

    @Override
    public void write(Output out, T e) {
      string(out, operationId.apply(e));
      string(out, counterparty.apply(e));
      out.writeVarLong(amount.applyAsLong(e), true);
      out.writeVarLong(block.applyAsLong(e), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(string(in, "operationId"), string(in, "counterparty"), in.readVarLong(true), in.readVarLong(true));
    }
  }

  /**
   * Laid out as (operation, hotkey, subnet, amount, block): stake moves and burns, as events and
   * as commands.
   */
  static final class OnHotkey<T> extends FieldCodec<T> {
    interface Factory<T> {
      T create(String operationId, String hotkey, int netuid, long amount, long block);
    }

    private final Factory<T> factory;
    private final Function<T, String> operationId;
    private final Function<T, String> hotkey;
    private final ToIntFunction<T> netuid;
    private final ToLongFunction<T> amount;
    private final ToLongFunction<T> block;

    OnHotkey(
        Class<T> type,
        int typeId,
        Factory<T> factory,
        Function<T, String> operationId,
        Function<T, String> hotkey,
        ToIntFunction<T> netuid,
        ToLongFunction<T> amount,
        ToLongFunction<T> block) {
      super(type, typeId, 1);
      this.factory = factory;
      this.operationId = operationId;
      this.hotkey = hotkey;
      this.netuid = netuid;
      this.amount = amount;
      this.block = block;
    }

    @Override
    public void write(Output out, T e) {
      string(out, operationId.apply(e));
      string(out, hotkey.apply(e));
      out.writeVarInt(netuid.applyAsInt(e), true);
      out.writeVarLong(amount.applyAsLong(e), true);
      out.writeVarLong(block.applyAsLong(e), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(
          string(in, "operationId"), string(in, "hotkey"), in.readVarInt(true), in.readVarLong(true), in.readVarLong(true));
    }
  }

  /**
   * Laid out as (operation, subnet, amount, block): balance recycled as a subnet's lock cost, as
   * the event and as the command.
   */
  static final class SubnetLock<T> extends FieldCodec<T> {
    interface Factory<T> {
      T create(String operationId, int netuid, long amount, long block);
    }

    private final Factory<T> factory;
    private final Function<T, String> operationId;
    private final ToIntFunction<T> netuid;
    private final ToLongFunction<T> amount;
    private final ToLongFunction<T> block;

    SubnetLock(
        Class<T> type,
        int typeId,
        Factory<T> factory,
        Function<T, String> operationId,
        ToIntFunction<T> netuid,
        ToLongFunction<T> amount,
        ToLongFunction<T> block) {
      super(type, typeId, 1);
      this.factory = factory;
      this.operationId = operationId;
      this.netuid = netuid;
      this.amount = amount;
      this.block = block;
    }

    @Override
    public void write(Output out, T e) {
      string(out, operationId.apply(e));
      out.writeVarInt(netuid.applyAsInt(e), true);
      out.writeVarLong(amount.applyAsLong(e), true);
      out.writeVarLong(block.applyAsLong(e), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(string(in, "operationId"), in.readVarInt(true), in.readVarLong(true), in.readVarLong(true));
    }
  }

  /**
   * Laid out as (subnet, epoch, UID, hotkey, amount, block): a UID's emission credit, as the event
   * and as the command.
   */
  static final class Emission<T> extends FieldCodec<T> {
    interface Factory<T> {
      T create(int netuid, long epoch, int uid, String hotkey, long amount, long block);
    }

    private final Factory<T> factory;
    private final ToIntFunction<T> netuid;
    private final ToLongFunction<T> epoch;
    private final ToIntFunction<T> uid;
    private final Function<T, String> hotkey;
    private final ToLongFunction<T> amount;
    private final ToLongFunction<T> block;

    Emission(
        Class<T> type,
        int typeId,
        Factory<T> factory,
        ToIntFunction<T> netuid,
        ToLongFunction<T> epoch,
        ToIntFunction<T> uid,
        Function<T, String> hotkey,
        ToLongFunction<T> amount,
        ToLongFunction<T> block) {
      super(type, typeId, 1);
      this.factory = factory;
      this.netuid = netuid;
      this.epoch = epoch;
      this.uid = uid;
      this.hotkey = hotkey;
      this.amount = amount;
      this.block = block;
    }

    @Override
    public void write(Output out, T e) {
      out.writeVarInt(netuid.applyAsInt(e), true);
      out.writeVarLong(epoch.applyAsLong(e), true);
      out.writeVarInt(uid.applyAsInt(e), true);
      string(out, hotkey.apply(e));
      out.writeVarLong(amount.applyAsLong(e), true);
      out.writeVarLong(block.applyAsLong(e), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(
          in.readVarInt(true), in.readVarLong(true), in.readVarInt(true), string(in, "hotkey"), in.readVarLong(true), in.readVarLong(true));
    }
  }

  static final class Settled extends FieldCodec<EpochSettled> {
    Settled() {
      super(EpochSettled.class, 110, 1);
    }

    @Override
    public void write(Output out, EpochSettled e) {
      out.writeVarInt(e.netuid(), true);
      out.writeVarLong(e.epoch(), true);
      out.writeVarLong(e.block(), true);
      out.writeVarInt(e.emissions().size(), true);
      for (UidEmission u : e.emissions()) {
        out.writeVarInt(u.uid(), true);
        string(out, u.hotkey());
        string(out, u.coldkey());
        out.writeVarLong(u.amount(), true);
      }
    }

    @Override
    public EpochSettled read(Input in, int version) {
      int netuid = in.readVarInt(true);
      long epoch = in.readVarLong(true);
      long block = in.readVarLong(true);
      int n = count(in, "emissions");
      List<UidEmission> emissions = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        emissions.add(new UidEmission(in.readVarInt(true), string(in, "hotkey"), string(in, "coldkey"), in.readVarLong(true)));
      }
      return new EpochSettled(netuid, epoch, block, emissions);
    }
  }

  static final class Credited extends FieldCodec<EpochCredited> {
    Credited() {
      super(EpochCredited.class, 111, 1);
    }

    @Override
    public void write(Output out, EpochCredited e) {
      out.writeVarInt(e.netuid(), true);
      out.writeVarLong(e.epoch(), true);
      out.writeVarLong(e.block(), true);
    }

    @Override
    public EpochCredited read(Input in, int version) {
      return new EpochCredited(in.readVarInt(true), in.readVarLong(true), in.readVarLong(true));
    }
  }

  static final class Requested extends FieldCodec<TransferRequested> {
    Requested() {
      super(TransferRequested.class, 130, 1);
    }

    @Override
    public void write(Output out, TransferRequested e) {
      request(out, e.request());
    }

    @Override
    public TransferRequested read(Input in, int version) {
      return new TransferRequested(request(in));
    }
  }

  /** Saga steps that carry only the transfer's id. */
  static final class TransferStep<T extends TransferEvent> extends FieldCodec<T> {
    private final Function<String, T> factory;

    TransferStep(Class<T> type, int typeId, Function<String, T> factory) {
      super(type, typeId, 1);
      this.factory = factory;
    }

    @Override
    public void write(Output out, T e) {
      string(out, e.transferId());
    }

    @Override
    public T read(Input in, int version) {
      return factory.apply(string(in, "transferId"));
    }
  }

  static final class Failed extends FieldCodec<TransferFailed> {
    Failed() {
      super(TransferFailed.class, 133, 1);
    }

    @Override
    public void write(Output out, TransferFailed e) {
      string(out, e.transferId());
      string(out, e.reason());
    }

    @Override
    public TransferFailed read(Input in, int version) {
      return new TransferFailed(string(in, "transferId"), string(in, "reason"));
    }
  }

  /** The account entity's snapshot: balances, stake and the applied idempotency keys. */
  static final class AccountSnapshot extends FieldCodec<Account.Snapshot> {
    AccountSnapshot() {
      super(Account.Snapshot.class, 120, 1);
    }

    @Override
    public void write(Output out, Account.Snapshot a) {
      string(out, a.coldkey());
      out.writeVarLong(a.free(), true);
      stakes(out, a.stakes());
      List<String> applied = a.appliedOperations();
      out.writeVarInt(applied.size(), true);
      for (String op : applied) {
        string(out, op);
      }
    }

    @Override
    public Account.Snapshot read(Input in, int version) {
      String coldkey = string(in, "coldkey");
      long free = in.readVarLong(true);
      TreeMap<StakeKey, Long> stakes = stakes(in);
      int m = count(in, "applied");
      List<String> applied = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        applied.add(string(in, "operation"));
      }
      return new Account.Snapshot(coldkey, free, stakes, applied);
    }
  }
}
