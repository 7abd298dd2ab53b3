package io.taofabric.core.subnet;

import static io.taofabric.core.subnet.Subnets.NETUID;
import static io.taofabric.core.subnet.Subnets.OWNER;
import static io.taofabric.core.subnet.Subnets.OWNER_HOTKEY;
import static io.taofabric.core.subnet.Subnets.assertSameEpochInput;
import static io.taofabric.core.subnet.Subnets.quick;
import static io.taofabric.core.subnet.Subnets.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.subnet.SubnetCommand.AddStake;
import io.taofabric.core.subnet.SubnetCommand.CommitWeights;
import io.taofabric.core.subnet.SubnetCommand.CreateSubnet;
import io.taofabric.core.subnet.SubnetCommand.Register;
import io.taofabric.core.subnet.SubnetCommand.RemoveStake;
import io.taofabric.core.subnet.SubnetCommand.RevealWeights;
import io.taofabric.core.subnet.SubnetCommand.RunEpoch;
import io.taofabric.core.subnet.SubnetCommand.ServeEndpoint;
import io.taofabric.core.subnet.SubnetCommand.SetHyperparameter;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;
import io.taofabric.core.subnet.SubnetEvent.EpochApplied;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Random command sequences against one subnet: deciding is a function that changes nothing,
 * replaying the accepted events rebuilds the live state, and every epoch pays at most its emission,
 * all of it into stake; a snapshot restores an equal subnet that goes on deciding alike.
 */
class SubnetReplayProperties {
  private static final String[] HOTKEYS = new String[15];

  static {
    for (int i = 0; i < 14; i++) {
      HOTKEYS[i] = "hk" + i;
    }
    HOTKEYS[14] = OWNER_HOTKEY;
  }

  @Property(tries = 300)
  void shouldRebuildTheLiveStateFromItsEvents(
      @ForAll @Size(min = 20, max = 150) List<@IntRange(min = 0, max = 1_000_000) Integer> script) {
    Script run = new Script();
    for (int step = 0; step < script.size(); step++) {
      run.step(step, script.get(step));
    }
    Subnet replayed = replay(run.journal);
    assertEquals(run.live, replayed);
    assertSameEpochInput(run.live.epochInput(run.block), replayed.epochInput(run.block));
    Statistics.label("epochs").collect(run.live.epochsApplied() > 0);
    Statistics.label("replacements").collect(run.replacements > 0);
    Statistics.label("weights stored").collect(run.weightEvents > 0);
  }

  @Property(tries = 300)
  void shouldRestoreFromASnapshotAnEqualSubnetThatDecidesAlike(
      @ForAll @Size(min = 20, max = 150) List<@IntRange(min = 0, max = 1_000_000) Integer> script,
      @ForAll @IntRange(min = 0, max = 150) int cut) {
    int at = Math.min(cut, script.size());
    Script original = new Script();
    for (int step = 0; step < at; step++) {
      original.step(step, script.get(step));
    }
    Script restored = original.restoredFromSnapshot();
    assertEquals(original.live, restored.live);
    assertEquals(original.live.snapshot(), restored.live.snapshot());
    Statistics.label("epochs before the snapshot").collect(restored.live.epochsApplied() > 0);
    Statistics.label("commits pending at the snapshot")
        .collect(restored.live.snapshot().hotkeys().values().stream().anyMatch(h -> !h.pendingCommits().isEmpty()));
    for (int step = at; step < script.size(); step++) {
      original.step(step, script.get(step));
      restored.step(step, script.get(step));
    }
    assertEquals(original.decisions, restored.decisions);
    assertEquals(original.live, restored.live);
    assertSameEpochInput(original.live.epochInput(original.block), restored.live.epochInput(restored.block));
  }

  @Example
  void shouldRestoreAnUncreatedSubnet() {
    Subnet uncreated = Subnet.uncreated(NETUID);
    Subnet restored = Subnet.restore(uncreated.snapshot());
    assertEquals(uncreated, restored);
    assertEquals(uncreated.state().params(), restored.state().params());
    assertEquals(
        uncreated.decide(new CreateSubnet(OWNER, OWNER_HOTKEY, quick(), 1)),
        restored.decide(new CreateSubnet(OWNER, OWNER_HOTKEY, quick(), 1)));
  }

  @Example
  void shouldRestoreOnlyTheOperationsStillRemembered() {
    Subnet s = Subnets.withHotkeys(quick(), "hk");
    int total = RecentOperations.CAPACITY + 10;
    for (int i = 0; i < total; i++) {
      s = Subnets.accept(s, new AddStake("hk", "ck", 1, "stake-" + i, 1));
    }
    Subnet restored = Subnet.restore(s.snapshot());
    assertEquals(s, restored);
    assertEquals(s.snapshot().recentOperations(), restored.snapshot().recentOperations());
    assertFalse(restored.hasApplied("stake-9"), "forgotten before the snapshot");
    assertTrue(restored.hasApplied("stake-10"));
    Subnet next = Subnets.accept(restored, new AddStake("hk", "ck", 1, "stake-" + total, 1));
    assertFalse(next.hasApplied("stake-10"), "the oldest goes first after a restore too");
    assertEquals(Subnets.accept(s, new AddStake("hk", "ck", 1, "stake-" + total, 1)), next);
  }

  /** One run: the live subnet, its journal and decisions, the block and the commits made so far. */
  private static final class Script {
    private Subnet live = Subnet.uncreated(NETUID);
    private final List<SubnetEvent> journal = new ArrayList<>();
    private final List<Decision<SubnetEvent>> decisions = new ArrayList<>();
    private final List<RevealWeights> reveals = new ArrayList<>();
    private long block = 1;
    private int replacements;
    private int weightEvents;

    Script() {
      SubnetHyperparameters params =
          quick()
              .with("tempo", 5)
              .with("max_allowed_uids", 6)
              .with("immunity_period", 40)
              .with("commit_reveal_delay", 2)
              .with("commit_reveal_window", 6);
      submit(new CreateSubnet(OWNER, OWNER_HOTKEY, params, block));
    }

    private Script(Script from) {
      live = Subnet.restore(from.live.snapshot());
      journal.addAll(from.journal);
      decisions.addAll(from.decisions);
      reveals.addAll(from.reveals);
      block = from.block;
    }

    /** This run so far, its subnet restored from a snapshot of the live one. */
    Script restoredFromSnapshot() {
      return new Script(this);
    }

    void step(int step, int x) {
      block += x % 3;
      int arg = x / 30;
      String hotkey = HOTKEYS[arg % HOTKEYS.length];
      String setter = arg % 2 == 0 ? OWNER_HOTKEY : hotkey; // the owner needs no permit
      int[] targets = {arg % 6, (arg % 6 + 1 + (arg / 6) % 5) % 6};
      int[] values = {(arg * 7) % 65_536, (arg * 13) % 65_536};
      switch ((x / 3) % 12) {
        case 0, 10, 11 -> submit(new Register(hotkey, "ck" + arg % 3, "burn-" + (arg % 7 == 0 ? 0 : step), 10, block));
        case 1 -> submit(new AddStake(hotkey, "ck", 1 + (arg % 1000) * 1_000_000L, "stake-" + (arg % 5 == 0 ? 0 : step), block));
        case 2 -> submit(new RemoveStake(hotkey, "ck", 1 + arg % 500_000_000L, "unstake-" + step, block));
        case 3 -> submit(new SetWeights(setter, List.of(targets[0], targets[1]), List.of(values[0], values[1]), block));
        case 4 -> commit(setter, targets, values, step);
        case 5 -> {
          if (!reveals.isEmpty()) {
            RevealWeights r = reveals.get(arg % reveals.size());
            submit(new RevealWeights(r.hotkey(), r.uids(), r.values(), r.salt(), block));
          }
        }
        case 6 -> submit(new ServeEndpoint(hotkey, "10.0.0." + arg % 256 + ":" + arg % 70_000, block));
        case 7 -> submit(hyperparameter(arg));
        case 8 -> {
          block = EpochSchedule.nextDue(NETUID, live.hyperparameters().tempo(), block);
          submit(new RunEpoch(block, arg * 1_000L));
        }
        default -> submit(new RunEpoch(block, arg));
      }
    }

    private void commit(String hotkey, int[] targets, int[] values, int step) {
      byte[] salt = {(byte) step, (byte) (step >> 8)};
      reveals.add(
          new RevealWeights(hotkey, List.of(targets[0], targets[1]), List.of(values[0], values[1]), salt, 0));
      submit(new CommitWeights(hotkey, WeightCommits.hash(hotkey, NETUID, targets, values, salt), block));
    }

    private SetHyperparameter hyperparameter(int arg) {
      String caller = arg % 11 == 0 ? "intruder" : OWNER;
      switch (arg % 5) {
        case 0:
          return new SetHyperparameter(caller, "commit_reveal_weights_enabled", Boolean.toString(arg % 2 == 0), block);
        case 1:
          return new SetHyperparameter(caller, "weights_rate_limit", Integer.toString(arg % 5), block);
        case 2:
          return new SetHyperparameter(caller, "tempo", Integer.toString(3 + arg % 8), block);
        case 3:
          return new SetHyperparameter(caller, "max_allowed_uids", Integer.toString(6 + arg % 8), block);
        default:
          return new SetHyperparameter(caller, "immunity_period", Integer.toString(arg % 60), block);
      }
    }

    private void submit(SubnetCommand command) {
      Decision<SubnetEvent> decision = live.decide(command);
      assertEquals(decision, live.decide(command), "deciding twice gives one answer");
      decisions.add(decision);
      if (decision instanceof Decision.Accept<SubnetEvent> accepted) {
        for (SubnetEvent event : accepted.events()) {
          long stakeBefore = totalStake(live);
          live = live.apply(event);
          journal.add(event);
          if (event instanceof EpochApplied epoch) {
            assertTrue(epoch.paid() <= epoch.emissionRao(), "paid more than the emission: " + epoch);
            assertEquals(stakeBefore + epoch.paid(), totalStake(live), "stake grows by what the epoch paid");
          }
          if (event instanceof SubnetEvent.NeuronRegistered r && r.replacedHotkey() != null) {
            replacements++;
          }
          if (event instanceof SubnetEvent.WeightsSet || event instanceof SubnetEvent.WeightsRevealed) {
            weightEvents++;
          }
        }
      }
    }

    private static long totalStake(Subnet s) {
      long total = 0;
      for (int uid = 0; uid < s.state().size(); uid++) {
        total += s.state().stakeOf(uid);
      }
      return total;
    }
  }
}
