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
import io.taofabric.core.ledger.AccountEvent.TransferDelivered;
import io.taofabric.core.ledger.AccountEvent.TransferredIn;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.SettlementEvent.EpochCredited;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.UidEmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The stored forms of the ledger's events (accounts, settlements) and the account snapshot. Type
 * ids 100–199 belong to the stored ledger (200–249 to its values on the wire, {@link
 * LedgerWireCodecs}); a new layout gets a new version and its {@code read} keeps every older one.
 * Ids 130–133 were the steps of transfer sagas, which accounts replaced: their journals are no
 * longer read (a transfer is its two accounts' events), and the ids are not to be reused.
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
        new Transfer<>(
            TransferDelivered.class,
            109,
            TransferDelivered::new,
            TransferDelivered::operationId,
            TransferDelivered::to,
            TransferDelivered::amount,
            TransferDelivered::block),
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
        new AccountSnapshot());
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
   * Laid out as (operation, counterparty, amount, block): the two halves of a transfer and the
   * sender's confirmation, as events and as commands.
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

  /**
   * The account entity's snapshot: balances, stake, the applied idempotency keys and, from version
   * 2, the sent transfers not yet confirmed (version 1 snapshots predate them: none).
   */
  static final class AccountSnapshot extends FieldCodec<Account.Snapshot> {
    AccountSnapshot() {
      super(Account.Snapshot.class, 120, 2);
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
      out.writeVarInt(a.undelivered().size(), true);
      for (TransferredOut sent : a.undelivered()) {
        string(out, sent.operationId());
        string(out, sent.to());
        out.writeVarLong(sent.amount(), true);
        out.writeVarLong(sent.block(), true);
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
      List<TransferredOut> undelivered = new ArrayList<>();
      if (version >= 2) {
        int u = count(in, "undelivered");
        for (int i = 0; i < u; i++) {
          undelivered.add(new TransferredOut(string(in, "operationId"), string(in, "to"), in.readVarLong(true), in.readVarLong(true)));
        }
      }
      return new Account.Snapshot(coldkey, free, stakes, applied, undelivered);
    }
  }
}
