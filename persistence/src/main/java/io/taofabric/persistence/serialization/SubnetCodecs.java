package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.subnet.Neuron;
import io.taofabric.core.subnet.SparseRow;
import io.taofabric.core.subnet.Subnet;
import io.taofabric.core.subnet.SubnetEvent;
import io.taofabric.core.subnet.SubnetEvent.EndpointServed;
import io.taofabric.core.subnet.SubnetEvent.EpochApplied;
import io.taofabric.core.subnet.SubnetEvent.HyperparameterSet;
import io.taofabric.core.subnet.SubnetEvent.NeuronRegistered;
import io.taofabric.core.subnet.SubnetEvent.StakeAdded;
import io.taofabric.core.subnet.SubnetEvent.StakeRemoved;
import io.taofabric.core.subnet.SubnetEvent.SubnetCreated;
import io.taofabric.core.subnet.SubnetEvent.WeightsCommitted;
import io.taofabric.core.subnet.SubnetEvent.WeightsRevealed;
import io.taofabric.core.subnet.SubnetEvent.WeightsSet;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.subnet.UidEpochResult;
import io.taofabric.core.subnet.WeightCommits.Commit;
import io.taofabric.core.subnet.WeightCommits.CommitRevealWindow;
import io.taofabric.core.subnet.WeightsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Stored forms of a subnet's events and of its snapshot (type ids 150–169: 150–159 the events,
 * 160 the snapshot, 161–169 free). Each is one flat frame: the values it holds (hyperparameters,
 * sparse rows, per-UID epoch results) are written inline by the helpers here, not as nested
 * frames, and have no type id of their own. A change to one of them is therefore a new version of
 * every type that holds it. Same discipline as {@link
 * LedgerCodecs}: a new layout gets a new version and {@code read} keeps every older one.
 *
 * <p>Numbers are varints. A sparse row is its entry count, then its UIDs as zigzag varints of the
 * difference to the previous UID (the first to 0), then its u16 values as varints: an ascending
 * row costs one byte per UID while gaps stay under 64, and a weights row keeps the order its
 * validator sent. Booleans are one byte, 0 or 1; anything else is corrupt.
 */
public final class SubnetCodecs {
  private static final int U16_MAX = 65_535;

  private SubnetCodecs() {}

  /** Every subnet codec. */
  public static List<VersionedCodec<?>> all() {
    return List.of(
        new Created(),
        new Registered(),
        new Served(),
        new Weighted(),
        new Committed(),
        new Revealed(),
        new StakeMove<>(
            StakeAdded.class,
            156,
            StakeAdded::new,
            StakeAdded::hotkey,
            StakeAdded::coldkey,
            StakeAdded::amount,
            StakeAdded::operationId),
        new StakeMove<>(
            StakeRemoved.class,
            157,
            StakeRemoved::new,
            StakeRemoved::hotkey,
            StakeRemoved::coldkey,
            StakeRemoved::amount,
            StakeRemoved::operationId),
        new Hyperparameter(),
        new Epoch(),
        new SubnetSnapshot());
  }

  /**
   * Writes a string that must be present: a null would be written as a null marker that {@link
   * FieldCodec#string(Input, String)} then refuses, so it is refused here, before it is stored.
   */
  private static void required(Output out, String value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is null and would not decode");
    }
    out.writeString(value);
  }

  private static String requiredString(Input in, String field, int uid) {
    String s = in.readString();
    if (s == null) {
      throw new CorruptPayloadException(label(field, uid, -1) + " is missing");
    }
    return s;
  }

  private static void flag(Output out, boolean value) {
    out.writeByte(value ? 1 : 0);
  }

  private static boolean flag(Input in, String field) {
    return flag(in, field, -1);
  }

  private static boolean flag(Input in, String field, int uid) {
    byte b = in.readByte();
    if (b != 0 && b != 1) {
      throw new CorruptPayloadException(label(field, uid, -1) + " is " + b + ", not a boolean");
    }
    return b == 1;
  }

  /** A u16 varint; {@code uid} (or -1) and {@code entry} (or -1) only name it in the error. */
  private static int u16(Input in, String field, int uid, int entry) {
    int v = in.readVarInt(true);
    if (v < 0 || v > U16_MAX) {
      throw new CorruptPayloadException(label(field, uid, entry) + " " + (v & 0xffffffffL) + " is not a u16");
    }
    return v;
  }

  /**
   * Names a field in an error, "bonds of uid 3 entry 7": built only when a payload is corrupt,
   * so decoding a large epoch allocates no messages.
   */
  private static String label(String field, int uid, int entry) {
    return field + (uid < 0 ? "" : " of uid " + uid) + (entry < 0 ? "" : " entry " + entry);
  }

  /**
   * Writes hyperparameters in record order: tempo, max UIDs, immunity period, max validators,
   * activity cutoff, kappa, bonds penalty, bonds moving average, Yuma 3, liquid α, α low, α high,
   * the weights policy (rate limit, min allowed weights, stake threshold), commit–reveal, the
   * reveal window (delay, window), burn, min burn, max burn. Public because a subnet's reply to a
   * hyperparameters query carries them in this layout too; a change here is a new version of that
   * message as well.
   */
  public static void hyperparameters(Output out, SubnetHyperparameters p) {
    out.writeVarInt(p.tempo(), true);
    out.writeVarInt(p.maxUids(), true);
    out.writeVarLong(p.immunityPeriod(), true);
    out.writeVarInt(p.maxValidators(), true);
    out.writeVarLong(p.activityCutoff(), true);
    out.writeVarInt(p.kappa(), true);
    out.writeVarInt(p.bondsPenalty(), true);
    out.writeVarLong(p.bondsMovingAverage(), true);
    flag(out, p.yuma3());
    flag(out, p.liquidAlpha());
    out.writeVarInt(p.alphaLow(), true);
    out.writeVarInt(p.alphaHigh(), true);
    WeightsPolicy w = p.weightsPolicy();
    out.writeVarLong(w.rateLimitBlocks(), true);
    out.writeVarInt(w.minAllowedWeights(), true);
    out.writeVarLong(w.stakeThreshold(), true);
    flag(out, p.commitReveal());
    CommitRevealWindow r = p.revealWindow();
    out.writeVarLong(r.delayBlocks(), true);
    out.writeVarLong(r.windowBlocks(), true);
    out.writeVarLong(p.burn(), true);
    out.writeVarLong(p.minBurn(), true);
    out.writeVarLong(p.maxBurn(), true);
  }

  /**
   * Reads what {@link #hyperparameters(Output, SubnetHyperparameters)} wrote; values the records
   * refuse (out of range) make the payload corrupt.
   */
  public static SubnetHyperparameters hyperparameters(Input in) {
    int tempo = in.readVarInt(true);
    int maxUids = in.readVarInt(true);
    long immunityPeriod = in.readVarLong(true);
    int maxValidators = in.readVarInt(true);
    long activityCutoff = in.readVarLong(true);
    int kappa = in.readVarInt(true);
    int bondsPenalty = in.readVarInt(true);
    long bondsMovingAverage = in.readVarLong(true);
    boolean yuma3 = flag(in, "yuma3");
    boolean liquidAlpha = flag(in, "liquidAlpha");
    int alphaLow = in.readVarInt(true);
    int alphaHigh = in.readVarInt(true);
    long rateLimitBlocks = in.readVarLong(true);
    int minAllowedWeights = in.readVarInt(true);
    long stakeThreshold = in.readVarLong(true);
    boolean commitReveal = flag(in, "commitReveal");
    long revealDelay = in.readVarLong(true);
    long revealWindow = in.readVarLong(true);
    long burn = in.readVarLong(true);
    long minBurn = in.readVarLong(true);
    long maxBurn = in.readVarLong(true);
    try {
      return new SubnetHyperparameters(
          tempo, maxUids, immunityPeriod, maxValidators, activityCutoff, kappa, bondsPenalty,
          bondsMovingAverage, yuma3, liquidAlpha, alphaLow, alphaHigh,
          new WeightsPolicy(rateLimitBlocks, minAllowedWeights, stakeThreshold), commitReveal,
          new CommitRevealWindow(revealDelay, revealWindow), burn, minBurn, maxBurn);
    } catch (IllegalArgumentException e) {
      throw new CorruptPayloadException("hyperparameters do not validate: " + e.getMessage(), e);
    }
  }

  /** Writes a sparse row: entry count, UIDs as zigzag deltas, then values; see the class doc. */
  private static void row(Output out, SparseRow row) {
    int n = row.size();
    out.writeVarInt(n, true);
    int previous = 0;
    for (int k = 0; k < n; k++) {
      out.writeVarInt(row.uid(k) - previous, false);
      previous = row.uid(k);
    }
    for (int k = 0; k < n; k++) {
      out.writeVarInt(row.value(k), true);
    }
  }

  /**
   * Reads what {@link #row(Output, SparseRow)} wrote; {@code field} and {@code owner} (the UID
   * whose row it is, or -1) name the row in errors.
   */
  private static SparseRow row(Input in, String field, int owner) {
    int n = entries(in, field, owner);
    if (n == 0) {
      return SparseRow.EMPTY;
    }
    int[] uids = new int[n];
    long uid = 0;
    for (int k = 0; k < n; k++) {
      uid += in.readVarInt(false);
      if (uid < 0 || uid > Integer.MAX_VALUE) {
        throw new CorruptPayloadException(label(field, owner, k) + " has uid " + uid);
      }
      uids[k] = (int) uid;
    }
    int[] values = new int[n];
    for (int k = 0; k < n; k++) {
      values[k] = u16(in, field, owner, k);
    }
    return SparseRow.of(uids, values);
  }

  /**
   * A count of repeated entries (row entries, UID results), bounded by what is left of the
   * payload, since each entry takes at least two bytes: {@link FieldCodec#count}'s bound, tighter.
   */
  private static int entries(Input in, String field, int owner) {
    int n = in.readVarInt(true);
    if (n < 0 || n > (in.limit() - in.position()) / 2) {
      throw new CorruptPayloadException(
          label(field, owner, -1) + " count " + (n & 0xffffffffL) + " exceeds the payload");
    }
    return n;
  }

  /**
   * Writes one UID's epoch result: UID, hotkey, coldkey, emission, validator permit, consensus,
   * incentive, dividends, validator trust, bond row.
   */
  private static void uidResult(Output out, UidEpochResult u) {
    out.writeVarInt(u.uid(), true);
    required(out, u.hotkey(), "hotkey of uid " + u.uid());
    required(out, u.coldkey(), "coldkey of uid " + u.uid());
    out.writeVarLong(u.emission(), true);
    flag(out, u.validatorPermit());
    out.writeVarInt(u.consensus(), true);
    out.writeVarInt(u.incentive(), true);
    out.writeVarInt(u.dividends(), true);
    out.writeVarInt(u.validatorTrust(), true);
    row(out, u.bonds());
  }

  /** Reads what {@link #uidResult(Output, UidEpochResult)} wrote. */
  private static UidEpochResult uidResult(Input in) {
    int uid = in.readVarInt(true);
    String hotkey = requiredString(in, "hotkey", uid);
    String coldkey = requiredString(in, "coldkey", uid);
    long emission = in.readVarLong(true);
    boolean permit = flag(in, "validatorPermit", uid);
    int consensus = u16(in, "consensus", uid, -1);
    int incentive = u16(in, "incentive", uid, -1);
    int dividends = u16(in, "dividends", uid, -1);
    int validatorTrust = u16(in, "validatorTrust", uid, -1);
    SparseRow bonds = row(in, "bonds", uid);
    try {
      return new UidEpochResult(
          uid, hotkey, coldkey, emission, permit, consensus, incentive, dividends, validatorTrust, bonds);
    } catch (IllegalArgumentException e) {
      throw new CorruptPayloadException("epoch result does not validate: " + e.getMessage(), e);
    }
  }

  /** (owner coldkey, owner hotkey, hyperparameters, block). */
  static final class Created extends FieldCodec<SubnetCreated> {
    Created() {
      super(SubnetCreated.class, 150, 1);
    }

    @Override
    public void write(Output out, SubnetCreated e) {
      required(out, e.ownerColdkey(), "ownerColdkey");
      required(out, e.ownerHotkey(), "ownerHotkey");
      hyperparameters(out, e.hyperparameters());
      out.writeVarLong(e.block(), true);
    }

    @Override
    public SubnetCreated read(Input in, int version) {
      return new SubnetCreated(
          string(in, "ownerColdkey"), string(in, "ownerHotkey"), hyperparameters(in), in.readVarLong(true));
    }
  }

  /**
   * (UID, hotkey, coldkey, block, replaced hotkey or null, burn, burn operation, replaced stake):
   * the only nullable string of the subnet's events.
   */
  static final class Registered extends FieldCodec<NeuronRegistered> {
    Registered() {
      super(NeuronRegistered.class, 151, 1);
    }

    @Override
    public void write(Output out, NeuronRegistered e) {
      out.writeVarInt(e.uid(), true);
      required(out, e.hotkey(), "hotkey");
      required(out, e.coldkey(), "coldkey");
      out.writeVarLong(e.block(), true);
      out.writeString(e.replacedHotkey());
      out.writeVarLong(e.burn(), true);
      required(out, e.burnOperationId(), "burnOperationId");
      out.writeVarLong(e.replacedStake(), true);
    }

    @Override
    public NeuronRegistered read(Input in, int version) {
      return new NeuronRegistered(
          in.readVarInt(true),
          string(in, "hotkey"),
          string(in, "coldkey"),
          in.readVarLong(true),
          in.readString(),
          in.readVarLong(true),
          string(in, "burnOperationId"),
          in.readVarLong(true));
    }
  }

  /** (hotkey, endpoint, block). */
  static final class Served extends FieldCodec<EndpointServed> {
    Served() {
      super(EndpointServed.class, 152, 1);
    }

    @Override
    public void write(Output out, EndpointServed e) {
      required(out, e.hotkey(), "hotkey");
      required(out, e.endpoint(), "endpoint");
      out.writeVarLong(e.block(), true);
    }

    @Override
    public EndpointServed read(Input in, int version) {
      return new EndpointServed(string(in, "hotkey"), string(in, "endpoint"), in.readVarLong(true));
    }
  }

  /** (hotkey, weights row, block). */
  static final class Weighted extends FieldCodec<WeightsSet> {
    Weighted() {
      super(WeightsSet.class, 153, 1);
    }

    @Override
    public void write(Output out, WeightsSet e) {
      required(out, e.hotkey(), "hotkey");
      row(out, e.weights());
      out.writeVarLong(e.block(), true);
    }

    @Override
    public WeightsSet read(Input in, int version) {
      return new WeightsSet(string(in, "hotkey"), row(in, "weights", -1), in.readVarLong(true));
    }
  }

  /** (hotkey, hash, block); the hash stays the hex string the validator sent. */
  static final class Committed extends FieldCodec<WeightsCommitted> {
    Committed() {
      super(WeightsCommitted.class, 154, 1);
    }

    @Override
    public void write(Output out, WeightsCommitted e) {
      required(out, e.hotkey(), "hotkey");
      required(out, e.hash(), "hash");
      out.writeVarLong(e.block(), true);
    }

    @Override
    public WeightsCommitted read(Input in, int version) {
      return new WeightsCommitted(string(in, "hotkey"), string(in, "hash"), in.readVarLong(true));
    }
  }

  /** (hotkey, hash, commit block, weights row, block). */
  static final class Revealed extends FieldCodec<WeightsRevealed> {
    Revealed() {
      super(WeightsRevealed.class, 155, 1);
    }

    @Override
    public void write(Output out, WeightsRevealed e) {
      required(out, e.hotkey(), "hotkey");
      required(out, e.hash(), "hash");
      out.writeVarLong(e.commitBlock(), true);
      row(out, e.weights());
      out.writeVarLong(e.block(), true);
    }

    @Override
    public WeightsRevealed read(Input in, int version) {
      return new WeightsRevealed(
          string(in, "hotkey"), string(in, "hash"), in.readVarLong(true), row(in, "weights", -1), in.readVarLong(true));
    }
  }

  /** (hotkey, coldkey, amount, operation, block): stake added to or taken off a hotkey. */
  static final class StakeMove<T extends SubnetEvent> extends FieldCodec<T> {
    interface Factory<T> {
      T create(String hotkey, String coldkey, long amount, String operationId, long block);
    }

    private final Factory<T> factory;
    private final Function<T, String> hotkey;
    private final Function<T, String> coldkey;
    private final ToLongFunction<T> amount;
    private final Function<T, String> operationId;

    StakeMove(
        Class<T> type,
        int typeId,
        Factory<T> factory,
        Function<T, String> hotkey,
        Function<T, String> coldkey,
        ToLongFunction<T> amount,
        Function<T, String> operationId) {
      super(type, typeId, 1);
      this.factory = factory;
      this.hotkey = hotkey;
      this.coldkey = coldkey;
      this.amount = amount;
      this.operationId = operationId;
    }

    @Override
    public void write(Output out, T e) {
      required(out, hotkey.apply(e), "hotkey");
      required(out, coldkey.apply(e), "coldkey");
      out.writeVarLong(amount.applyAsLong(e), true);
      required(out, operationId.apply(e), "operationId");
      out.writeVarLong(e.block(), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(
          string(in, "hotkey"),
          string(in, "coldkey"),
          in.readVarLong(true),
          string(in, "operationId"),
          in.readVarLong(true));
    }
  }

  /** (name, value, resulting hyperparameters, block). */
  static final class Hyperparameter extends FieldCodec<HyperparameterSet> {
    Hyperparameter() {
      super(HyperparameterSet.class, 158, 1);
    }

    @Override
    public void write(Output out, HyperparameterSet e) {
      required(out, e.name(), "name");
      required(out, e.value(), "value");
      hyperparameters(out, e.hyperparameters());
      out.writeVarLong(e.block(), true);
    }

    @Override
    public HyperparameterSet read(Input in, int version) {
      return new HyperparameterSet(string(in, "name"), string(in, "value"), hyperparameters(in), in.readVarLong(true));
    }
  }

  /** (epoch, block, emission, UID count, each UID's result in list order). */
  static final class Epoch extends FieldCodec<EpochApplied> {
    Epoch() {
      super(EpochApplied.class, 159, 1);
    }

    @Override
    public void write(Output out, EpochApplied e) {
      out.writeVarLong(e.epoch(), true);
      out.writeVarLong(e.block(), true);
      out.writeVarLong(e.emissionRao(), true);
      out.writeVarInt(e.uids().size(), true);
      for (UidEpochResult u : e.uids()) {
        uidResult(out, u);
      }
    }

    @Override
    public EpochApplied read(Input in, int version) {
      long epoch = in.readVarLong(true);
      long block = in.readVarLong(true);
      long emissionRao = in.readVarLong(true);
      int n = entries(in, "uids", -1);
      List<UidEpochResult> uids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        uids.add(uidResult(in));
      }
      return new EpochApplied(epoch, block, emissionRao, uids);
    }
  }

  /**
   * A subnet's snapshot: netuid, owner coldkey (null before creation), hyperparameters, the UID
   * slots in order, stake per hotkey, each hotkey's details, the remembered operation ids oldest
   * first, the epoch history (count, last block, last results) and the latest block. Maps are
   * written sorted by hotkey so that equal snapshots have equal bytes. The last epoch block and the
   * latest block are -1 before there is one, so they are zigzag varints.
   */
  static final class SubnetSnapshot extends FieldCodec<Subnet.Snapshot> {
    SubnetSnapshot() {
      super(Subnet.Snapshot.class, 160, 1);
    }

    @Override
    public void write(Output out, Subnet.Snapshot s) {
      out.writeVarInt(s.netuid(), true);
      out.writeString(s.ownerColdkey());
      hyperparameters(out, s.hyperparameters());
      out.writeVarInt(s.neurons().size(), true);
      for (Neuron n : s.neurons()) {
        neuron(out, n);
      }
      Map<String, Long> stake = new TreeMap<>(s.stakeByHotkey());
      out.writeVarInt(stake.size(), true);
      stake.forEach(
          (hotkey, rao) -> {
            out.writeString(hotkey);
            out.writeVarLong(rao, true);
          });
      Map<String, Subnet.Snapshot.Hotkey> hotkeys = new TreeMap<>(s.hotkeys());
      out.writeVarInt(hotkeys.size(), true);
      hotkeys.forEach((hotkey, h) -> hotkey(out, hotkey, h));
      out.writeVarInt(s.recentOperations().size(), true);
      for (String op : s.recentOperations()) {
        required(out, op, "operation id");
      }
      out.writeVarLong(s.epochsApplied(), true);
      out.writeVarLong(s.lastEpochBlock(), false);
      out.writeVarInt(s.lastEpoch().size(), true);
      for (UidEpochResult u : s.lastEpoch()) {
        uidResult(out, u);
      }
      out.writeVarLong(s.latestBlock(), false);
    }

    @Override
    public Subnet.Snapshot read(Input in, int version) {
      int netuid = in.readVarInt(true);
      String ownerColdkey = in.readString();
      SubnetHyperparameters hyperparameters = hyperparameters(in);
      int n = entries(in, "neurons", -1);
      List<Neuron> neurons = new ArrayList<>(n);
      for (int uid = 0; uid < n; uid++) {
        neurons.add(neuron(in, uid));
      }
      int stakes = entries(in, "stakes", -1);
      Map<String, Long> stake = new TreeMap<>();
      for (int i = 0; i < stakes; i++) {
        unique(stake, string(in, "staked hotkey"), in.readVarLong(true));
      }
      int details = entries(in, "hotkeys", -1);
      Map<String, Subnet.Snapshot.Hotkey> hotkeys = new TreeMap<>();
      for (int i = 0; i < details; i++) {
        unique(hotkeys, string(in, "hotkey"), hotkey(in));
      }
      int ops = count(in, "operations");
      List<String> operations = new ArrayList<>(ops);
      for (int i = 0; i < ops; i++) {
        operations.add(string(in, "operation id"));
      }
      long epochsApplied = in.readVarLong(true);
      long lastEpochBlock = in.readVarLong(false);
      int results = entries(in, "last epoch", -1);
      List<UidEpochResult> lastEpoch = new ArrayList<>(results);
      for (int i = 0; i < results; i++) {
        lastEpoch.add(uidResult(in));
      }
      return new Subnet.Snapshot(
          netuid, ownerColdkey, hyperparameters, neurons, stake, hotkeys, operations, epochsApplied,
          lastEpochBlock, lastEpoch, in.readVarLong(false));
    }

    /** (hotkey, registration block, last update, validator permit, emission, weights, bonds). */
    private static void neuron(Output out, Neuron n) {
      required(out, n.hotkey(), "neuron hotkey");
      out.writeVarLong(n.registeredAt(), true);
      out.writeVarLong(n.lastUpdate(), true);
      flag(out, n.validatorPermit());
      out.writeVarLong(n.emission(), true);
      row(out, n.weights());
      row(out, n.bonds());
    }

    private static Neuron neuron(Input in, int uid) {
      return new Neuron(
          requiredString(in, "hotkey", uid),
          in.readVarLong(true),
          in.readVarLong(true),
          flag(in, "validatorPermit", uid),
          in.readVarLong(true),
          row(in, "weights", uid),
          row(in, "bonds", uid));
    }

    /** (hotkey, coldkey, endpoint or null, pending commit count, each commit's hash and block). */
    private static void hotkey(Output out, String hotkey, Subnet.Snapshot.Hotkey h) {
      required(out, hotkey, "hotkey");
      required(out, h.coldkey(), "coldkey of " + hotkey);
      out.writeString(h.endpoint());
      out.writeVarInt(h.pendingCommits().size(), true);
      for (Commit c : h.pendingCommits()) {
        required(out, c.hash(), "commit hash of " + hotkey);
        out.writeVarLong(c.block(), true);
      }
    }

    /** Reads what {@link #hotkey(Output, String, Subnet.Snapshot.Hotkey)} wrote after the hotkey. */
    private static Subnet.Snapshot.Hotkey hotkey(Input in) {
      String coldkey = string(in, "coldkey");
      String endpoint = in.readString();
      int n = entries(in, "commits", -1);
      List<Commit> commits = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        commits.add(new Commit(string(in, "commit hash"), in.readVarLong(true)));
      }
      return new Subnet.Snapshot.Hotkey(coldkey, endpoint, commits);
    }

    /** Adds an entry whose key must not repeat: a repeated hotkey would silently lose a value. */
    private static <V> void unique(Map<String, V> map, String hotkey, V value) {
      if (map.put(hotkey, value) != null) {
        throw new CorruptPayloadException("hotkey " + hotkey + " appears twice");
      }
    }
  }
}
