package io.taofabric.core.subnet;

import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochParams;
import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.SparseMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A subnet's metagraph and stake as an immutable value: every operation returns a new state. This
 * is the state machine the reference's epoch tests drive (registration with pruning, stake,
 * weights, parameter changes, epochs); transaction policy (signatures, rate limits, permits to set
 * weights) sits in front of it.
 */
public final class SubnetState {
  private final int maxUids;
  private final long immunityPeriod;
  private final EpochParams params;
  private final List<Neuron> neurons;
  private final Map<String, Long> stakeByHotkey;

  private SubnetState(
      int maxUids,
      long immunityPeriod,
      EpochParams params,
      List<Neuron> neurons,
      Map<String, Long> stakeByHotkey) {
    this.maxUids = maxUids;
    this.immunityPeriod = immunityPeriod;
    this.params = params;
    this.neurons = List.copyOf(neurons);
    this.stakeByHotkey = Map.copyOf(stakeByHotkey);
  }

  /** An empty subnet with room for {@code maxUids} UIDs. */
  public static SubnetState create(int maxUids, long immunityPeriod, EpochParams params) {
    requireLimits(maxUids, immunityPeriod);
    return new SubnetState(maxUids, immunityPeriod, params, List.of(), Map.of());
  }

  /**
   * A state as a snapshot stored it. The limits and parameters are not stored but derived from the
   * subnet's hyperparameters, as {@link Subnet#apply} derives them.
   */
  static SubnetState restore(
      int maxUids, long immunityPeriod, EpochParams params, List<Neuron> neurons, Map<String, Long> stakeByHotkey) {
    requireLimits(maxUids, immunityPeriod);
    if (neurons.size() > maxUids) {
      throw new IllegalArgumentException(neurons.size() + " neurons exceed max UIDs " + maxUids);
    }
    return new SubnetState(maxUids, immunityPeriod, params, neurons, stakeByHotkey);
  }

  private static void requireLimits(int maxUids, long immunityPeriod) {
    if (maxUids < 1 || maxUids > 65_535) {
      throw new IllegalArgumentException("max UIDs must be in [1, 65535], got " + maxUids);
    }
    if (immunityPeriod < 0) {
      throw new IllegalArgumentException("immunity period is negative: " + immunityPeriod);
    }
  }

  /** The outcome of a registration. */
  public sealed interface Registration {}

  /** The hotkey holds {@code uid} in {@code state}. */
  public record Registered(int uid, SubnetState state) implements Registration {}

  /** Nothing changed, for {@code reason}. */
  public record Rejected(String reason) implements Registration {}

  /** Registers {@code hotkey} at {@code block}, replacing the pruning choice when full. */
  public Registration register(String hotkey, long block) {
    if (uidOf(hotkey) >= 0) {
      return new Rejected("hotkey " + hotkey + " is already registered");
    }
    if (neurons.size() < maxUids) {
      return new Registered(neurons.size(), registerAt(neurons.size(), hotkey, block));
    }
    int uid = Pruning.uidToPrune(pruningCandidates(), block, immunityPeriod);
    if (uid < 0) {
      return new Rejected("subnet is full and no UID can be replaced");
    }
    return new Registered(uid, registerAt(uid, hotkey, block));
  }

  /**
   * Places {@code hotkey} at {@code uid}, a new slot at the end or a replaced one, without asking
   * the pruning rule: a journal replays the UID it recorded, whatever the rule says today.
   */
  SubnetState registerAt(int uid, String hotkey, long block) {
    if (uid < 0 || uid > neurons.size() || uid >= maxUids) {
      throw new IllegalArgumentException("uid " + uid + " is neither a slot nor the next free one");
    }
    Map<String, Long> stake = new HashMap<>(stakeByHotkey);
    stake.putIfAbsent(hotkey, 0L);
    List<Neuron> next = new ArrayList<>(neurons);
    if (uid == neurons.size()) {
      next.add(Neuron.registered(hotkey, block));
      return with(next, stake);
    }
    for (int i = 0; i < next.size(); i++) {
      next.set(i, next.get(i).withWeights(next.get(i).weights().zeroOn(uid)));
    }
    next.set(uid, Neuron.registered(hotkey, block));
    return with(next, stake);
  }

  /** The UID {@code hotkey} holds, or -1. */
  public int uidOf(String hotkey) {
    for (int uid = 0; uid < neurons.size(); uid++) {
      if (neurons.get(uid).hotkey().equals(hotkey)) {
        return uid;
      }
    }
    return -1;
  }

  private List<Pruning.Candidate> pruningCandidates() {
    List<Pruning.Candidate> candidates = new ArrayList<>(neurons.size());
    for (int uid = 0; uid < neurons.size(); uid++) {
      Neuron neuron = neurons.get(uid);
      candidates.add(
          new Pruning.Candidate(neuron.emission(), neuron.registeredAt(), params.isOwner(uid)));
    }
    return candidates;
  }

  /** Adds {@code amount} rao of stake to the hotkey at {@code uid}. */
  public SubnetState addStake(int uid, long amount) {
    requireUid(uid);
    if (amount < 0) {
      throw new IllegalArgumentException("stake amount is negative: " + amount);
    }
    Map<String, Long> stake = new HashMap<>(stakeByHotkey);
    stake.merge(neurons.get(uid).hotkey(), amount, Math::addExact);
    return with(neurons, stake);
  }

  /** Takes {@code amount} rao of stake from the hotkey at {@code uid}; it must hold that much. */
  public SubnetState removeStake(int uid, long amount) {
    if (amount < 0 || amount > stakeOf(uid)) {
      throw new IllegalArgumentException(
          "cannot remove " + amount + " rao from a stake of " + stakeOf(uid));
    }
    Map<String, Long> stake = new HashMap<>(stakeByHotkey);
    stake.merge(neurons.get(uid).hotkey(), -amount, Long::sum);
    return with(neurons, stake);
  }

  /** This state without any stake recorded for {@code hotkey} (a replaced, unregistered hotkey). */
  SubnetState withoutStakeOf(String hotkey) {
    if (!stakeByHotkey.containsKey(hotkey)) {
      return this;
    }
    Map<String, Long> stake = new HashMap<>(stakeByHotkey);
    stake.remove(hotkey);
    return with(neurons, stake);
  }

  /** Stores {@code uid}'s weights, max-upscaled to u16, and stamps {@code block}. */
  public SubnetState setWeights(int uid, int[] targets, int[] values, long block) {
    requireUid(uid);
    SparseRow row = SparseRow.of(targets, WeightNormalization.maxUpscaleU16(values));
    return withNeuron(uid, neurons.get(uid).withWeights(row, block));
  }

  /** Overwrites {@code uid}'s stored weight row as given (no upscale, no timestamp). */
  public SubnetState withRawWeights(int uid, SparseRow row) {
    requireUid(uid);
    return withNeuron(uid, neurons.get(uid).withWeights(row));
  }

  /** Overwrites every UID's stored validator permit. */
  public SubnetState withPermits(boolean[] permits) {
    requirePerUid("validator_permit", permits.length);
    List<Neuron> next = new ArrayList<>(neurons);
    for (int i = 0; i < permits.length; i++) {
      next.set(i, next.get(i).withPermit(permits[i]));
    }
    return with(next, stakeByHotkey);
  }

  /** Overwrites every UID's last-update block. */
  public SubnetState withLastUpdates(long[] blocks) {
    requirePerUid("last_update", blocks.length);
    List<Neuron> next = new ArrayList<>(neurons);
    for (int i = 0; i < blocks.length; i++) {
      next.set(i, next.get(i).withLastUpdate(blocks[i]));
    }
    return with(next, stakeByHotkey);
  }

  /** Stamps {@code uid}'s last-update block (a weights commit counts as an update). */
  SubnetState withLastUpdate(int uid, long block) {
    requireUid(uid);
    return withNeuron(uid, neurons.get(uid).withLastUpdate(block));
  }

  /** Removes every validator's bond on {@code uid} (the subnet's bonds-reset option). */
  public SubnetState resetBonds(int uid) {
    List<Neuron> next = new ArrayList<>(neurons);
    for (int i = 0; i < next.size(); i++) {
      next.set(i, next.get(i).withBonds(next.get(i).bonds().without(uid)));
    }
    return with(next, stakeByHotkey);
  }

  /** The same subnet under new hyperparameters. */
  public SubnetState withParams(EpochParams newParams) {
    return new SubnetState(maxUids, immunityPeriod, newParams, neurons, stakeByHotkey);
  }

  /** The same subnet with new registration limits; {@code newMaxUids} must hold every UID. */
  SubnetState withLimits(int newMaxUids, long newImmunityPeriod) {
    if (newMaxUids < neurons.size()) {
      throw new IllegalArgumentException(
          "max UIDs " + newMaxUids + " is below the " + neurons.size() + " registered");
    }
    requireLimits(newMaxUids, newImmunityPeriod);
    return new SubnetState(newMaxUids, newImmunityPeriod, params, neurons, stakeByHotkey);
  }

  /** The epoch's inputs at {@code block}. */
  public EpochInput epochInput(long block) {
    int n = neurons.size();
    long[] stake = new long[n];
    long[] lastUpdate = new long[n];
    long[] registeredAt = new long[n];
    boolean[] permits = new boolean[n];
    SparseMatrix.Builder weights = SparseMatrix.builder(n * 4);
    SparseMatrix.Builder bonds = SparseMatrix.builder(n * 4);
    for (int i = 0; i < n; i++) {
      Neuron neuron = neurons.get(i);
      stake[i] = stakeByHotkey.getOrDefault(neuron.hotkey(), 0L);
      lastUpdate[i] = neuron.lastUpdate();
      registeredAt[i] = neuron.registeredAt();
      permits[i] = neuron.validatorPermit();
      appendRow(weights, neuron.weights());
      appendRow(bonds, neuron.bonds());
    }
    return new EpochInput(
        block, stake, weights.build(), bonds.build(), lastUpdate, registeredAt, permits, null);
  }

  /** Stores what an epoch over {@link #epochInput} computed: bonds, permits, emissions. */
  public SubnetState afterEpoch(EpochResult result) {
    return afterEpoch(result.validatorPermit(), result.emission(), rows(result.bonds()));
  }

  /** The rows of a matrix of u16 values (an epoch's bonds). */
  static List<SparseRow> rows(SparseMatrix matrix) {
    List<SparseRow> rows = new ArrayList<>(matrix.rows());
    for (int i = 0; i < matrix.rows(); i++) {
      int size = matrix.end(i) - matrix.start(i);
      int[] uids = new int[size];
      int[] values = new int[size];
      for (int k = 0; k < size; k++) {
        uids[k] = matrix.col(matrix.start(i) + k);
        values[k] = (int) matrix.value(matrix.start(i) + k);
      }
      rows.add(SparseRow.of(uids, values));
    }
    return rows;
  }

  /** Stores an epoch's outcome per UID: permit, emission (rao) and bond row. */
  SubnetState afterEpoch(boolean[] permits, long[] emissions, List<SparseRow> bonds) {
    requirePerUid("epoch permits", permits.length);
    requirePerUid("epoch emissions", emissions.length);
    requirePerUid("epoch bonds", bonds.size());
    List<Neuron> next = new ArrayList<>(neurons.size());
    for (int i = 0; i < neurons.size(); i++) {
      next.add(neurons.get(i).afterEpoch(permits[i], emissions[i], bonds.get(i)));
    }
    return with(next, stakeByHotkey);
  }

  /** The UID slots in order. */
  public List<Neuron> neurons() {
    return neurons;
  }

  /** The hyperparameters. */
  public EpochParams params() {
    return params;
  }

  /** Stake per hotkey, rao: every registered hotkey's, 0 included (for snapshots). */
  Map<String, Long> stakeByHotkey() {
    return stakeByHotkey;
  }

  /** Number of registered UIDs. */
  public int size() {
    return neurons.size();
  }

  /** Stake of the hotkey at {@code uid}, rao. */
  public long stakeOf(int uid) {
    requireUid(uid);
    return stakeByHotkey.getOrDefault(neurons.get(uid).hotkey(), 0L);
  }

  /** Equal when limits, parameters, UID slots and stakes are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SubnetState s
        && maxUids == s.maxUids
        && immunityPeriod == s.immunityPeriod
        && params.equals(s.params)
        && neurons.equals(s.neurons)
        && stakeByHotkey.equals(s.stakeByHotkey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxUids, immunityPeriod, params, neurons, stakeByHotkey);
  }

  @Override
  public String toString() {
    return "SubnetState[maxUids=" + maxUids + ", immunityPeriod=" + immunityPeriod + ", neurons="
        + neurons + ", stake=" + stakeByHotkey + "]";
  }

  private static void appendRow(SparseMatrix.Builder builder, SparseRow row) {
    for (int k = 0; k < row.size(); k++) {
      builder.add(row.uid(k), row.value(k));
    }
    builder.endRow();
  }

  private SubnetState withNeuron(int uid, Neuron neuron) {
    List<Neuron> next = new ArrayList<>(neurons);
    next.set(uid, neuron);
    return with(next, stakeByHotkey);
  }

  private SubnetState with(List<Neuron> nextNeurons, Map<String, Long> nextStake) {
    return new SubnetState(maxUids, immunityPeriod, params, nextNeurons, nextStake);
  }

  private void requireUid(int uid) {
    if (uid < 0 || uid >= neurons.size()) {
      throw new IllegalArgumentException(
          "uid " + uid + " is not registered (subnet has " + neurons.size() + " UIDs)");
    }
  }

  private void requirePerUid(String name, int length) {
    if (length != neurons.size()) {
      throw new IllegalArgumentException(
          name + " has " + length + " entries for " + neurons.size() + " UIDs");
    }
  }
}
