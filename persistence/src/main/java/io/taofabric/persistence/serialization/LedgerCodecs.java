package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.ledger.Account;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.AccountEvent.EmissionCredited;
import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import io.taofabric.core.ledger.AccountEvent.RegistrationBurned;
import io.taofabric.core.ledger.AccountEvent.StakeAdded;
import io.taofabric.core.ledger.AccountEvent.StakeRemoved;
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

/**
 * The stored forms of the ledger's events (accounts, settlements, transfer sagas) and the account
 * snapshot. Type ids 100–199 belong to
 * the ledger; a new layout gets a new version and its {@code read} keeps every older one.
 */
public final class LedgerCodecs {
  private LedgerCodecs() {}

  /** Every ledger codec. */
  public static List<VersionedCodec<?>> all() {
    return List.of(
        new Genesis(),
        new Transfer<>(TransferredOut.class, 102, TransferredOut::new, TransferredOut::to),
        new Transfer<>(TransferredIn.class, 103, TransferredIn::new, TransferredIn::from),
        new OnHotkey<>(StakeAdded.class, 104, StakeAdded::new, StakeAdded::hotkey, StakeAdded::netuid),
        new OnHotkey<>(StakeRemoved.class, 105, StakeRemoved::new, StakeRemoved::hotkey, StakeRemoved::netuid),
        new OnHotkey<>(
            RegistrationBurned.class, 106, RegistrationBurned::new, RegistrationBurned::hotkey, RegistrationBurned::netuid),
        new Emission(),
        new Settled(),
        new Credited(),
        new AccountSnapshot(),
        new Requested(),
        new TransferStep<>(TransferDebited.class, 131, TransferDebited::new),
        new TransferStep<>(TransferCompleted.class, 132, TransferCompleted::new),
        new Failed());
  }

  static final class Genesis extends FieldCodec<GenesisCredited> {
    Genesis() {
      super(GenesisCredited.class, 101, 1);
    }

    @Override
    public void write(Output out, GenesisCredited e) {
      string(out, e.operationId());
      out.writeVarLong(e.amount(), true);
      out.writeVarLong(e.block(), true);
    }

    @Override
    public GenesisCredited read(Input in, int version) {
      return new GenesisCredited(string(in, "operationId"), in.readVarLong(true), in.readVarLong(true));
    }
  }

  /** Events laid out as (operation, counterparty, amount, block): the two halves of a transfer. */
  static final class Transfer<T extends AccountEvent> extends FieldCodec<T> {
    interface Factory<T> {
      T create(String operationId, String counterparty, long amount, long block);
    }

    private final Factory<T> factory;
    private final Function<T, String> counterparty;

    Transfer(Class<T> type, int typeId, Factory<T> factory, Function<T, String> counterparty) {
      super(type, typeId, 1);
      this.factory = factory;
      this.counterparty = counterparty;
    }

    @Override
    public void write(Output out, T e) {
      string(out, e.operationId());
      string(out, counterparty.apply(e));
      out.writeVarLong(e.amount(), true);
      out.writeVarLong(e.block(), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(string(in, "operationId"), string(in, "counterparty"), in.readVarLong(true), in.readVarLong(true));
    }
  }

  /** Events laid out as (operation, hotkey, subnet, amount, block): stake moves and burns. */
  static final class OnHotkey<T extends AccountEvent> extends FieldCodec<T> {
    interface Factory<T> {
      T create(String operationId, String hotkey, int netuid, long amount, long block);
    }

    private final Factory<T> factory;
    private final Function<T, String> hotkey;
    private final ToIntFunction<T> netuid;

    OnHotkey(Class<T> type, int typeId, Factory<T> factory, Function<T, String> hotkey, ToIntFunction<T> netuid) {
      super(type, typeId, 1);
      this.factory = factory;
      this.hotkey = hotkey;
      this.netuid = netuid;
    }

    @Override
    public void write(Output out, T e) {
      string(out, e.operationId());
      string(out, hotkey.apply(e));
      out.writeVarInt(netuid.applyAsInt(e), true);
      out.writeVarLong(e.amount(), true);
      out.writeVarLong(e.block(), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(
          string(in, "operationId"), string(in, "hotkey"), in.readVarInt(true), in.readVarLong(true), in.readVarLong(true));
    }
  }

  /** The idempotency key is derived from (netuid, epoch, uid), so it is not stored. */
  static final class Emission extends FieldCodec<EmissionCredited> {
    Emission() {
      super(EmissionCredited.class, 107, 1);
    }

    @Override
    public void write(Output out, EmissionCredited e) {
      out.writeVarInt(e.netuid(), true);
      out.writeVarLong(e.epoch(), true);
      out.writeVarInt(e.uid(), true);
      string(out, e.hotkey());
      out.writeVarLong(e.amount(), true);
      out.writeVarLong(e.block(), true);
    }

    @Override
    public EmissionCredited read(Input in, int version) {
      int netuid = in.readVarInt(true);
      long epoch = in.readVarLong(true);
      int uid = in.readVarInt(true);
      String hotkey = string(in, "hotkey");
      long amount = in.readVarLong(true);
      long block = in.readVarLong(true);
      String key = new AccountCommand.CreditEmission(netuid, epoch, uid, hotkey, amount, block).operationId();
      return new EmissionCredited(key, netuid, epoch, uid, hotkey, amount, block);
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
      TransferRequest r = e.request();
      string(out, r.id());
      string(out, r.from());
      string(out, r.to());
      out.writeVarLong(r.amount(), true);
      out.writeVarLong(r.block(), true);
    }

    @Override
    public TransferRequested read(Input in, int version) {
      return new TransferRequested(
          new TransferRequest(string(in, "id"), string(in, "from"), string(in, "to"), in.readVarLong(true), in.readVarLong(true)));
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
      Map<StakeKey, Long> stakes = a.stakes();
      out.writeVarInt(stakes.size(), true);
      for (Map.Entry<StakeKey, Long> s : stakes.entrySet()) {
        string(out, s.getKey().hotkey());
        out.writeVarInt(s.getKey().netuid(), true);
        out.writeVarLong(s.getValue(), true);
      }
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
      int n = count(in, "stakes");
      TreeMap<StakeKey, Long> stakes = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        stakes.put(new StakeKey(string(in, "hotkey"), in.readVarInt(true)), in.readVarLong(true));
      }
      int m = count(in, "applied");
      List<String> applied = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        applied.add(string(in, "operation"));
      }
      return new Account.Snapshot(coldkey, free, stakes, applied);
    }
  }
}
