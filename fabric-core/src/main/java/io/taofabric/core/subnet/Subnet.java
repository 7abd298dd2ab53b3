package io.taofabric.core.subnet;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;
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
import io.taofabric.core.subnet.WeightCommits.Commit;
import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One subnet's rule book and state: its owner, hyperparameters, metagraph and stake, the coldkey,
 * endpoint and weight commits of each registered hotkey, and what the last epoch paid. {@link
 * #decide} validates a command and says which events it produces, changing nothing; {@link
 * #apply} folds an event in and returns the next state. An entity persists the events of {@code
 * decide} and applies them; replaying the journal through {@code apply} rebuilds an equal state,
 * epochs included, without running Yuma again. Immutable.
 *
 * <p>Stake is held per hotkey: a coldkey's own share of it is the ledger's {@code Account}'s
 * business, which checks a removal against what that coldkey staked before this subnet is asked.
 */
public final class Subnet {
  /** The owner's hotkey is registered first, so it holds UID 0 for the subnet's whole life. */
  public static final int OWNER_UID = 0;

  private final int netuid;
  private final String ownerColdkey;
  private final SubnetHyperparameters hyperparameters;
  private final SubnetState state;
  private final Map<String, HotkeyDetails> hotkeys;
  private final RecentOperations appliedOperations;
  private final EpochHistory epochs;
  private final long latestBlock;

  /** What the subnet knows of a registered hotkey beyond its UID slot. */
  private record HotkeyDetails(String coldkey, String endpoint, WeightCommits commits) {
    HotkeyDetails withEndpoint(String newEndpoint) {
      return new HotkeyDetails(coldkey, newEndpoint, commits);
    }

    HotkeyDetails withCommits(WeightCommits newCommits) {
      return new HotkeyDetails(coldkey, endpoint, newCommits);
    }
  }

  /** How many epochs ran, the block of the last (-1 for none) and what it gave each UID. */
  private record EpochHistory(long applied, long lastBlock, List<UidEpochResult> lastResults) {
    static final EpochHistory NONE = new EpochHistory(0, -1, List.of());
  }

  /**
   * A complete, immutable copy of a subnet: what an entity's snapshot stores, so that recovery
   * replays only the events after it. The metagraph's limits and epoch parameters are left out:
   * {@link #restore} derives them from the hyperparameters and the last epoch block, as {@link
   * #apply} does.
   *
   * @param ownerColdkey the owner's coldkey, null before creation
   * @param neurons the UID slots in order
   * @param stakeByHotkey rao per registered hotkey (one unstaked to 0 keeps its 0)
   * @param hotkeys what the subnet knows of each registered hotkey beyond its UID slot
   * @param recentOperations the remembered idempotency keys, oldest first (the oldest goes next)
   * @param epochsApplied how many epochs ran
   * @param lastEpochBlock the block of the last epoch, or -1
   * @param lastEpoch what the last epoch gave each UID
   * @param latestBlock the highest block of any event applied, or -1
   */
  public record Snapshot(
      int netuid,
      String ownerColdkey,
      SubnetHyperparameters hyperparameters,
      List<Neuron> neurons,
      Map<String, Long> stakeByHotkey,
      Map<String, Hotkey> hotkeys,
      List<String> recentOperations,
      long epochsApplied,
      long lastEpochBlock,
      List<UidEpochResult> lastEpoch,
      long latestBlock) {
    /** Copies the collections. */
    public Snapshot {
      neurons = List.copyOf(neurons);
      stakeByHotkey = Map.copyOf(stakeByHotkey);
      hotkeys = Map.copyOf(hotkeys);
      recentOperations = List.copyOf(recentOperations);
      lastEpoch = List.copyOf(lastEpoch);
    }

    /**
     * A registered hotkey's coldkey, endpoint (null until it serves one) and unrevealed weight
     * commits, oldest first.
     */
    public record Hotkey(String coldkey, String endpoint, List<Commit> pendingCommits) {
      /** Copies the list. */
      public Hotkey {
        pendingCommits = List.copyOf(pendingCommits);
      }
    }
  }

  private Subnet(
      int netuid,
      String ownerColdkey,
      SubnetHyperparameters hyperparameters,
      SubnetState state,
      Map<String, HotkeyDetails> hotkeys,
      RecentOperations appliedOperations,
      EpochHistory epochs,
      long latestBlock) {
    this.netuid = netuid;
    this.ownerColdkey = ownerColdkey;
    this.hyperparameters = hyperparameters;
    this.state = state;
    this.hotkeys = Map.copyOf(hotkeys);
    this.appliedOperations = appliedOperations;
    this.epochs = epochs;
    this.latestBlock = latestBlock;
  }

  /** The subnet {@code netuid} before its creation: every command but {@code CreateSubnet} is refused. */
  public static Subnet uncreated(int netuid) {
    if (netuid < 0 || netuid > 65_535) {
      throw new IllegalArgumentException("netuid must be a u16, got " + netuid);
    }
    SubnetHyperparameters defaults = SubnetHyperparameters.DEFAULTS;
    SubnetState empty =
        SubnetState.create(defaults.maxUids(), defaults.immunityPeriod(), EpochParams.DEFAULTS);
    return new Subnet(
        netuid, null, defaults, empty, Map.of(), RecentOperations.NONE, EpochHistory.NONE, -1);
  }

  /** This subnet as a snapshot stores it. */
  public Snapshot snapshot() {
    Map<String, Snapshot.Hotkey> stored = new HashMap<>();
    hotkeys.forEach(
        (hotkey, d) -> stored.put(hotkey, new Snapshot.Hotkey(d.coldkey(), d.endpoint(), d.commits().pending())));
    return new Snapshot(
        netuid, ownerColdkey, hyperparameters, state.neurons(), state.stakeByHotkey(), stored,
        appliedOperations.oldestFirst(), epochs.applied(), epochs.lastBlock(), epochs.lastResults(),
        latestBlock);
  }

  /** The subnet {@code snapshot} was taken of: equal to it, and deciding alike from here on. */
  public static Subnet restore(Snapshot snapshot) {
    SubnetHyperparameters p = snapshot.hyperparameters();
    SubnetState state =
        SubnetState.restore(
            p.maxUids(), p.immunityPeriod(), epochParams(snapshot), snapshot.neurons(), snapshot.stakeByHotkey());
    Map<String, HotkeyDetails> hotkeys = new HashMap<>();
    snapshot.hotkeys().forEach(
        (hotkey, h) ->
            hotkeys.put(hotkey, new HotkeyDetails(h.coldkey(), h.endpoint(), WeightCommits.of(h.pendingCommits()))));
    return new Subnet(
        snapshot.netuid(), snapshot.ownerColdkey(), p, state, hotkeys,
        RecentOperations.of(snapshot.recentOperations()),
        new EpochHistory(snapshot.epochsApplied(), snapshot.lastEpochBlock(), snapshot.lastEpoch()),
        snapshot.latestBlock());
  }

  /**
   * The epoch parameters {@link #apply} would hold: the defaults before creation, then the
   * hyperparameters' with the last epoch's block, which creation sets to 0.
   */
  private static EpochParams epochParams(Snapshot snapshot) {
    if (snapshot.ownerColdkey() == null) {
      return EpochParams.DEFAULTS;
    }
    return snapshot.hyperparameters().epochParams(OWNER_UID, Math.max(0, snapshot.lastEpochBlock()));
  }

  /** The events {@code command} produces, or why it is refused. Changes nothing. */
  public Decision<SubnetEvent> decide(SubnetCommand command) {
    return new SubnetRules(this).decide(command);
  }

  /** The state after {@code event}, one {@link #decide} produced or the journal holds. */
  public Subnet apply(SubnetEvent event) {
    long block = Math.max(latestBlock, event.block());
    if (event instanceof SubnetCreated e) {
      return applyCreated(e);
    } else if (event instanceof NeuronRegistered e) {
      return applyRegistered(e);
    } else if (event instanceof EndpointServed e) {
      return withHotkey(e.hotkey(), details(e.hotkey()).withEndpoint(e.endpoint()), block);
    } else if (event instanceof WeightsSet e) {
      return withState(setWeights(e.hotkey(), e.weights(), e.block()), block);
    } else if (event instanceof WeightsCommitted e) {
      WeightCommits commits =
          commitsOf(e.hotkey()).commit(e.hash(), e.block(), hyperparameters.revealWindow());
      return withState(state.withLastUpdate(state.uidOf(e.hotkey()), e.block()), block)
          .withHotkey(e.hotkey(), details(e.hotkey()).withCommits(commits), block);
    } else if (event instanceof WeightsRevealed e) {
      WeightCommits commits =
          commitsOf(e.hotkey())
              .reveal(new Commit(e.hash(), e.commitBlock()), e.block(), hyperparameters.revealWindow());
      return withState(setWeights(e.hotkey(), e.weights(), e.block()), block)
          .withHotkey(e.hotkey(), details(e.hotkey()).withCommits(commits), block);
    } else if (event instanceof StakeAdded e) {
      return withState(state.addStake(state.uidOf(e.hotkey()), e.amount()), block)
          .withOperation(e.operationId());
    } else if (event instanceof StakeRemoved e) {
      return withState(state.removeStake(state.uidOf(e.hotkey()), e.amount()), block)
          .withOperation(e.operationId());
    } else if (event instanceof HyperparameterSet e) {
      return applyHyperparameters(e.hyperparameters(), block);
    }
    return applyEpoch((EpochApplied) event, block);
  }

  private Subnet applyCreated(SubnetCreated e) {
    SubnetHyperparameters p = e.hyperparameters();
    SubnetState created =
        SubnetState.create(p.maxUids(), p.immunityPeriod(), p.epochParams(OWNER_UID, 0))
            .registerAt(OWNER_UID, e.ownerHotkey(), e.block());
    Map<String, HotkeyDetails> owner =
        Map.of(e.ownerHotkey(), new HotkeyDetails(e.ownerColdkey(), null, WeightCommits.NONE));
    return new Subnet(
        netuid, e.ownerColdkey(), p, created, owner, appliedOperations, epochs,
        Math.max(latestBlock, e.block()));
  }

  private Subnet applyRegistered(NeuronRegistered e) {
    SubnetState next = state.registerAt(e.uid(), e.hotkey(), e.block());
    Map<String, HotkeyDetails> nextHotkeys = new HashMap<>(hotkeys);
    if (e.replacedHotkey() != null) {
      next = next.withoutStakeOf(e.replacedHotkey());
      nextHotkeys.remove(e.replacedHotkey());
    }
    nextHotkeys.put(e.hotkey(), new HotkeyDetails(e.coldkey(), null, WeightCommits.NONE));
    return new Subnet(
        netuid, ownerColdkey, hyperparameters, next, nextHotkeys,
        appliedOperations.plus(e.burnOperationId()), epochs, Math.max(latestBlock, e.block()));
  }

  private Subnet applyHyperparameters(SubnetHyperparameters p, long block) {
    SubnetState next =
        state
            .withLimits(p.maxUids(), p.immunityPeriod())
            .withParams(p.epochParams(OWNER_UID, state.params().lastEpochBlock()));
    return new Subnet(
        netuid, ownerColdkey, p, next, hotkeys, appliedOperations, epochs, block);
  }

  private Subnet applyEpoch(EpochApplied e, long block) {
    int n = e.uids().size();
    boolean[] permits = new boolean[n];
    long[] emissions = new long[n];
    List<SparseRow> bonds = new ArrayList<>(n);
    for (int uid = 0; uid < n; uid++) { // decide lists the UIDs in order
      permits[uid] = e.uids().get(uid).validatorPermit();
      emissions[uid] = e.uids().get(uid).emission();
      bonds.add(e.uids().get(uid).bonds());
    }
    SubnetState next =
        state
            .afterEpoch(permits, emissions, bonds)
            .withParams(hyperparameters.epochParams(OWNER_UID, e.block()));
    for (int uid = 0; uid < n; uid++) {
      next = next.addStake(uid, emissions[uid]); // Bittensor pays emission as stake on the hotkey
    }
    return new Subnet(
        netuid, ownerColdkey, hyperparameters, next, hotkeys, appliedOperations,
        new EpochHistory(e.epoch() + 1, e.block(), e.uids()), block);
  }

  private SubnetState setWeights(String hotkey, SparseRow row, long block) {
    int[] targets = new int[row.size()];
    int[] values = new int[row.size()];
    for (int k = 0; k < row.size(); k++) {
      targets[k] = row.uid(k);
      values[k] = row.value(k);
    }
    return state.setWeights(state.uidOf(hotkey), targets, values, block);
  }

  private Subnet withState(SubnetState next, long block) {
    return new Subnet(
        netuid, ownerColdkey, hyperparameters, next, hotkeys, appliedOperations, epochs, block);
  }

  private Subnet withHotkey(String hotkey, HotkeyDetails details, long block) {
    Map<String, HotkeyDetails> next = new HashMap<>(hotkeys);
    next.put(hotkey, details);
    return new Subnet(
        netuid, ownerColdkey, hyperparameters, state, next, appliedOperations, epochs, block);
  }

  private Subnet withOperation(String operationId) {
    return new Subnet(
        netuid, ownerColdkey, hyperparameters, state, hotkeys, appliedOperations.plus(operationId),
        epochs, latestBlock);
  }

  private HotkeyDetails details(String hotkey) {
    HotkeyDetails details = hotkeys.get(hotkey);
    if (details == null) {
      throw new IllegalStateException("event for hotkey " + hotkey + ", unknown in subnet " + netuid);
    }
    return details;
  }

  /**
   * The ledger's record of an epoch this subnet applied: each paid UID's emission for its hotkey
   * and coldkey, as the epoch recorded them. UIDs paid nothing are left out (the ledger credits
   * only positive amounts). The total is at most the epoch's {@code emissionRao}: each UID's share
   * is floored to whole rao and the dust is never minted, as on chain. There is no owner cut here:
   * the block emission's split (spec §7) happens before {@code RunEpoch} is sent.
   */
  public EpochSettled toSettlement(EpochApplied epoch) {
    return settlement(epoch.epoch(), epoch.block(), epoch.uids());
  }

  /**
   * The ledger's record of the last epoch applied, or null before the first: what whoever owns
   * the subnet after a crash hands to the ledger again (the ledger acknowledges a repeat).
   */
  public EpochSettled lastSettlement() {
    return epochs.applied() == 0 ? null : settlement(epochs.applied() - 1, epochs.lastBlock(), epochs.lastResults());
  }

  private EpochSettled settlement(long epoch, long block, List<UidEpochResult> uids) {
    List<UidEmission> paid = new ArrayList<>();
    for (UidEpochResult uid : uids) {
      if (uid.emission() > 0) {
        paid.add(new UidEmission(uid.uid(), uid.hotkey(), uid.coldkey(), uid.emission()));
      }
    }
    return new EpochSettled(netuid, epoch, block, paid);
  }

  /** The epoch's inputs at {@code block}, with each validator's earliest live commit when commit–reveal is on. */
  public EpochInput epochInput(long block) {
    EpochInput plain = state.epochInput(block);
    if (!hyperparameters.commitReveal()) {
      return plain;
    }
    long[] commitBlocks = new long[state.size()];
    for (int uid = 0; uid < state.size(); uid++) {
      commitBlocks[uid] =
          commitsOf(state.neurons().get(uid).hotkey())
              .earliestLive(block, hyperparameters.revealWindow());
    }
    return new EpochInput(
        plain.block(), plain.stake(), plain.weights(), plain.bonds(), plain.lastUpdate(),
        plain.blockAtRegistration(), plain.validatorPermit(), commitBlocks);
  }

  /** Whether the subnet has been created. */
  public boolean exists() {
    return ownerColdkey != null;
  }

  /** The subnet's id. */
  public int netuid() {
    return netuid;
  }

  /** The owner's coldkey, or null before creation. */
  public String ownerColdkey() {
    return ownerColdkey;
  }

  /** The hyperparameters. */
  public SubnetHyperparameters hyperparameters() {
    return hyperparameters;
  }

  /** The metagraph and stake. */
  public SubnetState state() {
    return state;
  }

  /** The coldkey of a registered hotkey, or null. */
  public String coldkeyOf(String hotkey) {
    HotkeyDetails details = hotkeys.get(hotkey);
    return details == null ? null : details.coldkey();
  }

  /** The endpoint a registered hotkey serves, or null. */
  public String endpointOf(String hotkey) {
    HotkeyDetails details = hotkeys.get(hotkey);
    return details == null ? null : details.endpoint();
  }

  /** A hotkey's weight commits ({@link WeightCommits#NONE} for an unknown hotkey). */
  public WeightCommits commitsOf(String hotkey) {
    HotkeyDetails details = hotkeys.get(hotkey);
    return details == null ? WeightCommits.NONE : details.commits();
  }

  /** A registered hotkey's stake on this subnet, rao (0 when unknown). */
  public long stakeOf(String hotkey) {
    int uid = state.uidOf(hotkey);
    return uid < 0 ? 0 : state.stakeOf(uid);
  }

  /** Whether the operation with this idempotency key is among those remembered as applied. */
  public boolean hasApplied(String operationId) {
    return appliedOperations.contains(operationId);
  }

  /** How many epochs have run; the next one gets this number. */
  public long epochsApplied() {
    return epochs.applied();
  }

  /** The block of the last epoch, or -1. */
  public long lastEpochBlock() {
    return epochs.lastBlock();
  }

  /** What the last epoch gave each UID (empty before the first). */
  public List<UidEpochResult> lastEpoch() {
    return epochs.lastResults();
  }

  /** The highest block of any event applied, or -1. */
  public long latestBlock() {
    return latestBlock;
  }

  /** Equal when every part of the state is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Subnet s
        && netuid == s.netuid
        && latestBlock == s.latestBlock
        && Objects.equals(ownerColdkey, s.ownerColdkey)
        && hyperparameters.equals(s.hyperparameters)
        && state.equals(s.state)
        && hotkeys.equals(s.hotkeys)
        && appliedOperations.equals(s.appliedOperations)
        && epochs.equals(s.epochs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(netuid, ownerColdkey, state, hotkeys, epochs, latestBlock);
  }

  @Override
  public String toString() {
    return "Subnet[netuid=" + netuid + ", owner=" + ownerColdkey + ", latestBlock=" + latestBlock
        + ", epochs=" + epochs.applied() + ", " + state + "]";
  }
}
