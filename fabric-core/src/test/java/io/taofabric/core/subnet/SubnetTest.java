package io.taofabric.core.subnet;

import static io.taofabric.core.subnet.Subnets.NETUID;
import static io.taofabric.core.subnet.Subnets.OWNER;
import static io.taofabric.core.subnet.Subnets.OWNER_HOTKEY;
import static io.taofabric.core.subnet.Subnets.accept;
import static io.taofabric.core.subnet.Subnets.created;
import static io.taofabric.core.subnet.Subnets.events;
import static io.taofabric.core.subnet.Subnets.quick;
import static io.taofabric.core.subnet.Subnets.refusal;
import static io.taofabric.core.subnet.Subnets.replay;
import static io.taofabric.core.subnet.Subnets.withHotkeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;
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
import io.taofabric.core.subnet.SubnetEvent.NeuronRegistered;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubnetTest {
  private static final long TAO = BlockEmission.RAO_PER_TAO;

  @Test
  void shouldChangeNothingWhenDeciding() {
    List<SubnetEvent> journal = new ArrayList<>();
    Subnet s = Subnet.uncreated(NETUID);
    SubnetCommand[] history = {
      new CreateSubnet(OWNER, OWNER_HOTKEY, quick().with("tempo", 9), 1),
      new Register("hk1", "ck1", "burn-1", 10, 1),
      new AddStake("hk1", "ck1", 50, "stake-1", 2),
      new SetWeights(OWNER_HOTKEY, List.of(1), List.of(1), 2)
    };
    for (SubnetCommand c : history) {
      for (SubnetEvent e : events(s, c)) {
        journal.add(e);
        s = s.apply(e);
      }
    }
    SubnetCommand[] probes = {
      new Register("hk2", "ck2", "burn-2", 10, 3),
      new Register("hk2", "ck2", "burn-1", 10, 3),
      new ServeEndpoint("hk1", "a.b:1", 3),
      new SetWeights(OWNER_HOTKEY, List.of(1, 1), List.of(1, 1), 3),
      new AddStake("hk1", "ck1", 5, "stake-2", 3),
      new RemoveStake("hk1", "ck1", 500, "stake-3", 3),
      new SetHyperparameter(OWNER, "tempo", "20", 3),
      new CommitWeights(OWNER_HOTKEY, "00", 3),
      new RunEpoch(8, TAO),
      new RunEpoch(7, TAO)
    };
    Subnet twin = replay(journal);
    for (SubnetCommand probe : probes) {
      Decision<SubnetEvent> first = s.decide(probe);
      assertEquals(first, s.decide(probe), "decide is a function of state and command");
      assertEquals(twin, s, "deciding " + probe + " changed the state");
    }
  }

  @Nested
  class Create {
    @Test
    void shouldRegisterTheOwnersHotkeyAtUidZero() {
      Subnet s = created(quick());
      assertTrue(s.exists());
      assertEquals(OWNER, s.ownerColdkey());
      assertEquals(OWNER_HOTKEY, s.state().neurons().get(Subnet.OWNER_UID).hotkey());
      assertEquals(OWNER, s.coldkeyOf(OWNER_HOTKEY));
      assertTrue(s.state().params().isOwner(Subnet.OWNER_UID));
    }

    @Test
    void shouldRefuseEveryOtherCommandBeforeCreation() {
      assertEquals(
          "subnet 1 does not exist",
          refusal(Subnet.uncreated(NETUID), new ServeEndpoint("hk", "a.b:1", 1)));
    }

    @Test
    void shouldAcknowledgeARepeatAndRefuseAnotherOwner() {
      Subnet s = created(quick());
      assertInstanceOf(
          Decision.AlreadyApplied.class,
          s.decide(new CreateSubnet(OWNER, OWNER_HOTKEY, quick(), 9)));
      assertEquals(
          "subnet 1 already exists", refusal(s, new CreateSubnet("other", OWNER_HOTKEY, quick(), 9)));
      assertEquals(
          "a subnet needs an owner coldkey, an owner hotkey and hyperparameters",
          refusal(Subnet.uncreated(NETUID), new CreateSubnet(OWNER, " ", quick(), 1)));
    }
  }

  @Nested
  class RegisterNeuron {
    @Test
    void shouldTakeTheNextFreeUidAndRememberTheColdkey() {
      Subnet s = created(quick());
      List<SubnetEvent> events = events(s, new Register("hk1", "ck1", "burn-1", 10, 3));
      assertEquals(List.of(new NeuronRegistered(1, "hk1", "ck1", 3, null, 10, "burn-1", 0)), events);
      s = s.apply(events.get(0));
      assertEquals("ck1", s.coldkeyOf("hk1"));
      assertEquals(1, s.state().uidOf("hk1"));
      assertTrue(s.hasApplied("burn-1"));
    }

    @Test
    void shouldRefuseAnUnderpaidBurnADuplicateHotkeyAndAFullSubnet() {
      Subnet s = withHotkeys(quick(), "hk1");
      assertEquals(
          "burned 9 rao; registration in subnet 1 costs 10",
          refusal(s, new Register("hk2", "ck", "burn-2", 9, 3)));
      assertEquals(
          "hotkey hk1 is already registered", refusal(s, new Register("hk1", "ck", "burn-3", 10, 3)));
      assertEquals(
          "registration needs a hotkey and a coldkey", refusal(s, new Register("hk2", "", "b", 10, 3)));
      Subnet ownerOnly =
          created(quick().with("max_allowed_uids", 1));
      assertEquals(
          "subnet is full and no UID can be replaced",
          refusal(ownerOnly, new Register("hk2", "ck", "burn-4", 10, 3)));
    }

    @Test
    void shouldAcknowledgeARetriedBurnAndRefuseAMissingOperationId() {
      Subnet s = withHotkeys(quick(), "hk1");
      assertInstanceOf(
          Decision.AlreadyApplied.class, s.decide(new Register("hk1", "cold-hk1", "burn-hk1", 10, 1)));
      assertEquals("operation id is empty", refusal(s, new Register("hk2", "ck", " ", 10, 1)));
    }

    @Test
    void shouldForgetTheReplacedHotkeysStakeColdkeyEndpointAndCommits() {
      SubnetHyperparameters params =
          quick().with("max_allowed_uids", 12).with("immunity_period", 0);
      String[] hotkeys = new String[11];
      for (int i = 0; i < hotkeys.length; i++) {
        hotkeys[i] = "hk" + (i + 1);
      }
      Subnet s = withHotkeys(params, hotkeys);
      s = accept(s, new AddStake("hk1", "staker", 100, "stake-1", 2));
      s = accept(s, new ServeEndpoint("hk1", "10.0.0.1:8091", 2));

      List<SubnetEvent> events = events(s, new Register("newcomer", "ck-new", "burn-new", 10, 5));
      assertEquals(
          List.of(new NeuronRegistered(1, "newcomer", "ck-new", 5, "hk1", 10, "burn-new", 100)), events);
      s = s.apply(events.get(0));
      assertEquals("newcomer", s.state().neurons().get(1).hotkey());
      assertEquals(-1, s.state().uidOf("hk1"));
      assertNull(s.coldkeyOf("hk1"));
      assertNull(s.endpointOf("hk1"));
      assertEquals(0, s.stakeOf("hk1"));
      assertEquals(0, s.stakeOf("newcomer"));
      assertEquals(OWNER_HOTKEY, s.state().neurons().get(0).hotkey(), "the owner is never replaced");
    }
  }

  @Nested
  class Serve {
    @Test
    void shouldStoreAWellFormedEndpoint() {
      Subnet s = accept(withHotkeys(quick(), "hk1"), new ServeEndpoint("hk1", "[::1]:8091", 2));
      assertEquals("[::1]:8091", s.endpointOf("hk1"));
    }

    @Test
    void shouldRefuseMalformedEndpointsAndUnknownHotkeys() {
      Subnet s = withHotkeys(quick(), "hk1");
      assertEquals("endpoint 'nohost' is not host:port", refusal(s, new ServeEndpoint("hk1", "nohost", 2)));
      assertEquals(
          "endpoint port 99999 is not in [1, 65535]", refusal(s, new ServeEndpoint("hk1", "a.b:99999", 2)));
      assertEquals("endpoint is empty", refusal(s, new ServeEndpoint("hk1", "", 2)));
      assertEquals(
          "endpoint is longer than 261 characters",
          refusal(s, new ServeEndpoint("hk1", "a".repeat(300) + ":1", 2)));
      assertEquals(
          "hotkey ghost is not registered in subnet 1", refusal(s, new ServeEndpoint("ghost", "a.b:1", 2)));
    }

    @Test
    void shouldRefuseAStaleBlock() {
      Subnet s = accept(withHotkeys(quick(), "hk1"), new ServeEndpoint("hk1", "a.b:1", 10));
      assertEquals(
          "block 5 is stale: the subnet is at block 10", refusal(s, new ServeEndpoint("hk1", "a.b:2", 5)));
    }
  }

  @Nested
  class Weights {
    private final Subnet subnet = withHotkeys(quick(), "v1", "m1", "m2");

    @Test
    void shouldStoreTheOwnersWeightsMaxUpscaled() {
      Subnet s = accept(subnet, new SetWeights(OWNER_HOTKEY, List.of(2, 3), List.of(10, 20), 2));
      SparseRow row = s.state().neurons().get(0).weights();
      assertEquals(SparseRow.of(new int[] {2, 3}, new int[] {32_768, 65_535}), row);
      assertEquals(2, s.state().neurons().get(0).lastUpdate());
    }

    @Test
    void shouldRefuseWhatThePolicyRefuses() {
      assertEquals("uid 2 appears twice", refusal(subnet, set(OWNER_HOTKEY, List.of(2, 2), List.of(1, 1))));
      assertEquals("uid 9 does not exist", refusal(subnet, set(OWNER_HOTKEY, List.of(2, 9), List.of(1, 1))));
      assertEquals("uid -1 does not exist", refusal(subnet, set(OWNER_HOTKEY, List.of(-1), List.of(1))));
      assertEquals(
          "weight 70000 is not a u16", refusal(subnet, set(OWNER_HOTKEY, List.of(2, 3), List.of(1, 70_000))));
      assertEquals(
          "uids and values differ in length (2 and 1)",
          refusal(subnet, set(OWNER_HOTKEY, List.of(2, 3), List.of(1))));
      assertEquals("uid 1 has no validator permit", refusal(subnet, set("v1", List.of(2, 3), List.of(1, 1))));
      assertEquals(
          "hotkey ghost is not registered in subnet 1", refusal(subnet, set("ghost", List.of(2), List.of(1))));
    }

    @Test
    void shouldRefuseWeightsInsideTheRateLimit() {
      Subnet s = withHotkeys(SubnetHyperparameters.DEFAULTS.with("burn", TAO), "m1");
      assertEquals(
          "weights were set at block 1; the next may come at block 101",
          refusal(s, set(OWNER_HOTKEY, List.of(1), List.of(1))));
    }

    @Test
    void shouldRefuseDirectWeightsUnderCommitReveal() {
      Subnet s =
          accept(subnet, new SetHyperparameter(OWNER, "commit_reveal_weights_enabled", "true", 2));
      assertEquals(
          "commit-reveal is on in subnet 1: commit the weights' hash, then reveal them",
          refusal(s, set(OWNER_HOTKEY, List.of(2), List.of(1))));
    }

    private SetWeights set(String hotkey, List<Integer> uids, List<Integer> values) {
      return new SetWeights(hotkey, uids, values, 2);
    }
  }

  @Nested
  class CommitReveal {
    private final byte[] salt = "pepper".getBytes(StandardCharsets.UTF_8);
    private final Subnet subnet =
        withHotkeys(
            quick()
                .with("commit_reveal_weights_enabled", 1)
                .with("commit_reveal_delay", 5)
                .with("commit_reveal_window", 10),
            "m1",
            "m2");
    private final String hash =
        WeightCommits.hash(OWNER_HOTKEY, NETUID, new int[] {1, 2}, new int[] {10, 20}, salt);
    private final Subnet committed = accept(subnet, new CommitWeights(OWNER_HOTKEY, hash, 2));

    @Test
    void shouldRevealAfterTheDelayAndStoreTheWeights() {
      assertEquals(1, committed.commitsOf(OWNER_HOTKEY).pending().size());
      assertEquals(2, committed.state().neurons().get(0).lastUpdate(), "a commit counts as an update");
      assertEquals(2, committed.epochInput(3).commitBlocks()[0]);

      Subnet revealed = accept(committed, reveal(salt, 7));
      assertEquals(
          SparseRow.of(new int[] {1, 2}, new int[] {32_768, 65_535}),
          revealed.state().neurons().get(0).weights());
      assertEquals(List.of(), revealed.commitsOf(OWNER_HOTKEY).pending());
      assertEquals(Long.MAX_VALUE, revealed.epochInput(8).commitBlocks()[0]);
    }

    @Test
    void shouldRefuseTooEarlyWrongSaltAndExpiredReveals() {
      assertEquals("too early: reveal from block 7", refusal(committed, reveal(salt, 6)));
      byte[] wrongSalt = "salt".getBytes(StandardCharsets.UTF_8);
      assertEquals("the revealed weights match no live commit", refusal(committed, reveal(wrongSalt, 7)));
      assertEquals("the revealed weights match no live commit", refusal(committed, reveal(salt, 17)));
      assertEquals("a reveal needs the commit's salt", refusal(committed, reveal(null, 7)));
    }

    @Test
    void shouldRefuseARevealThePolicyRefuses() {
      String badHash = WeightCommits.hash(OWNER_HOTKEY, NETUID, new int[] {1, 9}, new int[] {1, 1}, salt);
      Subnet s = accept(subnet, new CommitWeights(OWNER_HOTKEY, badHash, 2));
      assertEquals(
          "uid 9 does not exist",
          refusal(s, new RevealWeights(OWNER_HOTKEY, List.of(1, 9), List.of(1, 1), salt, 8)));
    }

    @Test
    void shouldRefuseMalformedRepeatedAndRateLimitedCommits() {
      assertEquals(
          "a commit is a SHA-256 hash in hex", refusal(subnet, new CommitWeights(OWNER_HOTKEY, "xyz", 2)));
      assertEquals("a commit needs a hash", refusal(subnet, new CommitWeights(OWNER_HOTKEY, null, 2)));
      assertEquals("this hash is already committed", refusal(committed, new CommitWeights(OWNER_HOTKEY, hash, 3)));
      Subnet limited = accept(committed, new SetHyperparameter(OWNER, "weights_rate_limit", "100", 3));
      String other = WeightCommits.hash(OWNER_HOTKEY, NETUID, new int[] {1}, new int[] {1}, salt);
      assertEquals(
          "weights were set at block 2; the next may come at block 102",
          refusal(limited, new CommitWeights(OWNER_HOTKEY, other, 50)));
    }

    @Test
    void shouldRefuseCommitsAndRevealsWhileCommitRevealIsOff() {
      Subnet off = accept(committed, new SetHyperparameter(OWNER, "commit_reveal_weights_enabled", "false", 3));
      String expected = "commit-reveal is off in subnet 1: set weights directly";
      assertEquals(expected, refusal(off, new CommitWeights(OWNER_HOTKEY, hash, 4)));
      assertEquals(expected, refusal(off, reveal(salt, 7)));
    }

    private RevealWeights reveal(byte[] withSalt, long block) {
      return new RevealWeights(OWNER_HOTKEY, List.of(1, 2), List.of(10, 20), withSalt, block);
    }
  }

  @Nested
  class Stake {
    private final Subnet subnet = withHotkeys(quick(), "hk1");

    @Test
    void shouldAddAndRemoveStakeOncePerOperation() {
      Subnet s = accept(subnet, new AddStake("hk1", "ck", 500, "op-1", 2));
      assertInstanceOf(Decision.AlreadyApplied.class, s.decide(new AddStake("hk1", "ck", 500, "op-1", 2)));
      s = accept(s, new RemoveStake("hk1", "ck", 200, "op-2", 3));
      assertInstanceOf(Decision.AlreadyApplied.class, s.decide(new RemoveStake("hk1", "ck", 200, "op-2", 3)));
      assertEquals(300, s.stakeOf("hk1"));
      assertEquals(300, s.state().stakeOf(1));
    }

    @Test
    void shouldRefuseBadAmountsUnknownHotkeysAndOverdrafts() {
      assertEquals("amount must be positive, got 0", refusal(subnet, new AddStake("hk1", "ck", 0, "op", 2)));
      assertEquals("amount must be positive, got -5", refusal(subnet, new RemoveStake("hk1", "ck", -5, "op", 2)));
      assertEquals(
          "amount exceeds the 21M TAO supply: " + (BlockEmission.MAX_SUPPLY_RAO + 1),
          refusal(subnet, new AddStake("hk1", "ck", BlockEmission.MAX_SUPPLY_RAO + 1, "op", 2)));
      assertEquals("a stake move needs a coldkey", refusal(subnet, new AddStake("hk1", null, 1, "op", 2)));
      assertEquals(
          "hotkey ghost is not registered in subnet 1", refusal(subnet, new AddStake("ghost", "ck", 1, "op", 2)));
      assertEquals(
          "insufficient stake on hk1 in subnet 1: has 0 rao, needs 1",
          refusal(subnet, new RemoveStake("hk1", "ck", 1, "op", 2)));
    }

    @Test
    void shouldRefuseStakeThatWouldOverflow() {
      Subnet s = subnet;
      int op = 0;
      while (s.stakeOf("hk1") <= Long.MAX_VALUE - BlockEmission.MAX_SUPPLY_RAO) {
        s = accept(s, new AddStake("hk1", "whale", BlockEmission.MAX_SUPPLY_RAO, "op-" + op++, 2));
      }
      assertEquals(
          "stake of hk1 would overflow",
          refusal(s, new AddStake("hk1", "whale", BlockEmission.MAX_SUPPLY_RAO, "op-last", 2)));
    }
  }

  @Nested
  class Hyperparameters {
    private final Subnet subnet = withHotkeys(quick(), "hk1");

    @Test
    void shouldLetTheOwnerSetOne() {
      Subnet s = accept(subnet, new SetHyperparameter(OWNER, "tempo", "99", 2));
      assertEquals(99, s.hyperparameters().tempo());
      assertEquals(99, s.state().params().tempo());
      s = accept(s, new SetHyperparameter(OWNER, "max_allowed_validators", "2", 3));
      s = accept(s, new SetHyperparameter(OWNER, "max_allowed_uids", "2", 3));
      assertEquals(2, s.hyperparameters().maxUids());
      assertEquals(2, s.state().params().maxAllowedValidators());
      assertEquals(
          new NeuronRegistered(1, "hk2", "ck2", 4, "hk1", 10, "burn-2", 0),
          events(s, new Register("hk2", "ck2", "burn-2", 10, 4)).get(0),
          "the smaller subnet is full: a newcomer replaces hk1");
    }

    @Test
    void shouldRefuseOthersUnknownNamesBadValuesAndTooFewSlots() {
      assertEquals(
          "only the owner coldkey of subnet 1 sets its hyperparameters",
          refusal(subnet, new SetHyperparameter("cold-hk1", "tempo", "99", 2)));
      assertTrue(
          refusal(subnet, new SetHyperparameter(OWNER, "rho", "1", 2))
              .startsWith("unknown hyperparameter 'rho'; known: [activity_cutoff, alpha_high"));
      assertEquals(
          "tempo must be in [1, 65535], got 0", refusal(subnet, new SetHyperparameter(OWNER, "tempo", "0", 2)));
      assertEquals(
          "tempo needs a whole number, got 'fast'",
          refusal(subnet, new SetHyperparameter(OWNER, "tempo", "fast", 2)));
      assertEquals(
          "max_allowed_uids 1 is below the 2 registered UIDs",
          refusal(subnet, new SetHyperparameter(OWNER, "max_allowed_uids", "1", 2)));
    }
  }

  @Nested
  class Epoch {
    /** Tempo 9 on netuid 1: epochs at blocks 8, 18, 28, … */
    private final Subnet subnet = staked(withHotkeys(quick().with("tempo", 9), "v1", "m1", "m2"));

    private Subnet staked(Subnet s) {
      s = accept(s, new AddStake(OWNER_HOTKEY, OWNER, 1_000 * TAO, "stake-owner", 2));
      s = accept(s, new AddStake("v1", "cold-v1", 500 * TAO, "stake-v1", 2));
      return accept(s, new SetWeights(OWNER_HOTKEY, List.of(2, 3), List.of(30_000, 10_000), 2));
    }

    @Test
    void shouldPayAtMostTheEmissionAsStakeAndRecordItForPruning() {
      long emission = 1_000_000_007L;
      long[] before = stakes(subnet);
      EpochApplied epoch = (EpochApplied) events(subnet, new RunEpoch(8, emission)).get(0);
      Subnet after = subnet.apply(epoch);

      assertTrue(epoch.paid() <= emission && epoch.paid() > emission - 100, "paid " + epoch.paid());
      long grown = 0;
      for (int uid = 0; uid < after.state().size(); uid++) {
        long paid = epoch.uids().get(uid).emission();
        assertEquals(before[uid] + paid, after.state().stakeOf(uid));
        assertEquals(paid, after.state().neurons().get(uid).emission());
        grown += after.state().stakeOf(uid) - before[uid];
      }
      assertEquals(epoch.paid(), grown);
      assertTrue(epoch.uids().get(2).emission() > epoch.uids().get(3).emission(), "m1 outranks m2");
      assertEquals(0, epoch.epoch());
      assertEquals(1, after.epochsApplied());
      assertEquals(8, after.lastEpochBlock());
      assertEquals(8, after.state().params().lastEpochBlock());
      assertEquals(epoch.uids(), after.lastEpoch());
      assertTrue(after.state().neurons().get(1).validatorPermit(), "v1 has stake: it gets a permit");
    }

    @Test
    void shouldPayTheOwnerItsCutBeforeYumaDividesTheRest() {
      assertEquals(179_995_422L, SubnetRules.ownerCut(TAO), "11796/65535 of a TAO, floored");
      long supply = BlockEmission.MAX_SUPPLY_RAO;
      assertEquals(
          java.math.BigInteger.valueOf(supply).multiply(java.math.BigInteger.valueOf(11_796)).divide(java.math.BigInteger.valueOf(65_535)).longValueExact(),
          SubnetRules.ownerCut(supply),
          "exact without overflow up to the supply");
      EpochApplied epoch = (EpochApplied) events(subnet, new RunEpoch(8, TAO)).get(0);
      assertTrue(epoch.uids().get(Subnet.OWNER_UID).emission() >= SubnetRules.ownerCut(TAO));
      long others = epoch.paid() - epoch.uids().get(Subnet.OWNER_UID).emission();
      assertTrue(others <= TAO - SubnetRules.ownerCut(TAO), "the others share what is left: " + others);
    }

    @Test
    void shouldSettleExactlyWhatTheEpochPaidToEachHotkeysColdkey() {
      EpochApplied epoch = (EpochApplied) events(subnet, new RunEpoch(8, TAO)).get(0);
      Subnet after = subnet.apply(epoch);
      EpochSettled settled = after.toSettlement(epoch);
      assertEquals(settled, after.lastSettlement(), "the last epoch's record can be rebuilt from the state");
      assertNull(subnet.lastSettlement(), "no epoch yet");
      assertEquals(NETUID, settled.netuid());
      assertEquals(epoch.paid(), settled.total());
      List<UidEmission> expected = new ArrayList<>();
      for (UidEpochResult uid : epoch.uids()) {
        if (uid.emission() > 0) {
          String coldkey = uid.uid() == 0 ? OWNER : "cold-" + uid.hotkey();
          expected.add(new UidEmission(uid.uid(), uid.hotkey(), coldkey, uid.emission()));
        }
      }
      assertEquals(expected, settled.emissions());
    }

    @Test
    void shouldRunOnlyOnDueBlocksAndOnlyOnce() {
      assertEquals(
          "no epoch of subnet 1 at block 5; the next is at block 8", refusal(subnet, new RunEpoch(5, TAO)));
      Subnet after = accept(subnet, new RunEpoch(18, TAO));
      assertInstanceOf(Decision.AlreadyApplied.class, after.decide(new RunEpoch(18, TAO)));
      assertEquals(
          "block 8 is before the last epoch's block 18", refusal(after, new RunEpoch(8, TAO)));
      assertEquals(
          "epoch emission must be in [0, 21M TAO] rao, got -1", refusal(subnet, new RunEpoch(8, -1)));
      assertEquals(2, accept(after, new RunEpoch(28, TAO)).epochsApplied());
    }

    @Test
    void shouldReplayAnEpochWithoutRunningItAgain() {
      List<SubnetEvent> journal = new ArrayList<>();
      Subnet s = Subnet.uncreated(NETUID);
      SubnetCommand[] commands = {
        new CreateSubnet(OWNER, OWNER_HOTKEY, quick().with("tempo", 9), 1),
        new Register("m1", "ck", "burn-m1", 10, 1),
        new AddStake(OWNER_HOTKEY, OWNER, TAO, "stake", 2),
        new SetWeights(OWNER_HOTKEY, List.of(1), List.of(1), 2),
        new RunEpoch(8, TAO),
        new RunEpoch(18, TAO)
      };
      for (SubnetCommand c : commands) {
        for (SubnetEvent e : events(s, c)) {
          journal.add(e);
          s = s.apply(e);
        }
      }
      assertEquals(s, replay(journal));
      assertEquals(2, s.epochsApplied());
    }

    private long[] stakes(Subnet s) {
      long[] stakes = new long[s.state().size()];
      for (int uid = 0; uid < stakes.length; uid++) {
        stakes[uid] = s.state().stakeOf(uid);
      }
      return stakes;
    }
  }
}
