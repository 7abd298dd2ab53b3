package io.taofabric.core.participant;

import static io.taofabric.core.participant.Participants.COMMIT_REVEAL;
import static io.taofabric.core.participant.Participants.DIRECT;
import static io.taofabric.core.participant.Participants.NETUID;
import static io.taofabric.core.participant.Participants.VALIDATOR;
import static io.taofabric.core.participant.Participants.applyAll;
import static io.taofabric.core.participant.Participants.assertRefused;
import static io.taofabric.core.participant.Participants.metagraph;
import static io.taofabric.core.participant.Participants.seeded;
import static io.taofabric.core.participant.Participants.started;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.participant.ValidatorEvent.ScoresRecorded;
import io.taofabric.core.participant.ValidatorEvent.ValidatorStarted;
import io.taofabric.core.participant.ValidatorEvent.WeightsCommitted;
import io.taofabric.core.participant.ValidatorEvent.WeightsRevealed;
import io.taofabric.core.participant.ValidatorEvent.WeightsSubmitted;
import io.taofabric.core.participant.WeightsAction.Commit;
import io.taofabric.core.participant.WeightsAction.Nothing;
import io.taofabric.core.participant.WeightsAction.Reveal;
import io.taofabric.core.participant.WeightsAction.Set;
import io.taofabric.core.subnet.SubnetCommand.CommitWeights;
import io.taofabric.core.subnet.SubnetCommand.RevealWeights;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.subnet.WeightCommits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValidatorStateTest {
  private static final long ALPHA = 100_000; // 0.1

  private static Decision<ValidatorEvent> record(ValidatorState s, Map<String, Double> scores) {
    return s.recordScores(scores, 50, ALPHA);
  }


  /** The validator having scored miners a, b, c at 0.9, 0.3 and 0.0 once (averages 90000, 30000, 0). */
  private static ValidatorState scored() {
    return applyAll(started(), record(started(), Map.of("a", 0.9, "b", 0.3, "c", 0.0)));
  }

  @Nested
  class Start {
    @Test
    void shouldStartOnceAndAcknowledgeARepeat() {
      ValidatorState fresh = ValidatorState.initial(VALIDATOR, NETUID);
      assertEquals(List.of(new ValidatorStarted(VALIDATOR, NETUID)), Participants.accepted(fresh.start(NETUID)));
      assertInstanceOf(Decision.AlreadyApplied.class, started().start(NETUID));
    }

    @Test
    void shouldRefuseAnotherSubnet() {
      assertRefused(ValidatorState.initial(VALIDATOR, NETUID).start(4), "belongs to subnet 3");
    }
  }

  @Nested
  class RecordScores {
    @Test
    void shouldFoldScoresIntoTheMovingAverageExactly() {
      ValidatorState s = scored();
      assertEquals(90_000, s.averageOf("a"), "0.1 * 900000 + 0.9 * 0");
      assertEquals(30_000, s.averageOf("b"));
      s = applyAll(s, record(s, Map.of("a", 0.5, "d", 0.0000015)));
      assertEquals(131_000, s.averageOf("a"), "0.1 * 500000 + 0.9 * 90000");
      assertEquals(30_000, s.averageOf("b"), "an unscored miner keeps its average");
      assertEquals(0, s.averageOf("d"), "0.1 * 2 = 0.2 rounds to 0");
      s = applyAll(s, record(s, Map.of("b", 0.000005)));
      assertEquals(27_001, s.averageOf("b"), "0.1 * 5 + 0.9 * 30000 = 27000.5 rounds half up");
    }

    @Test
    void shouldReachTheScoreWithAlphaOne() {
      ValidatorState s = applyAll(scored(), scored().recordScores(Map.of("a", 0.25), 60, 1_000_000));
      assertEquals(250_000, s.averageOf("a"));
      assertEquals(60, s.block());
    }

    @Test
    void shouldRefuseScoresThatAreNotNumbersInTheUnitInterval() {
      ValidatorState s = started();
      assertRefused(record(s, Map.of("a", Double.NaN)), "not a number");
      assertRefused(record(s, Map.of("a", Double.POSITIVE_INFINITY)), "not a number");
      assertRefused(record(s, Map.of("a", Double.NEGATIVE_INFINITY)), "not a number");
      assertRefused(record(s, Map.of("a", 0.5, "b", -0.01)), "outside [0, 1]");
      assertRefused(record(s, Map.of("a", 1.0000001)), "outside [0, 1]");
      Map<String, Double> nullScore = new HashMap<>();
      nullScore.put("a", null);
      assertRefused(record(s, nullScore), "not a number");
    }

    @Test
    void shouldRefuseHotkeysInAnUnknownFormat() {
      ValidatorState s = started();
      assertRefused(record(s, Map.of(" ", 0.5)), "names no hotkey");
      assertRefused(record(s, Map.of("5H miner", 0.5)), "not in a known format");
      assertRefused(record(s, Map.of("3/5Hminer", 0.5)), "not in a known format");
      assertRefused(record(s, Map.of("x".repeat(65), 0.5)), "longer than 64");
      Map<String, Double> nullKey = new HashMap<>();
      nullKey.put(null, 0.5);
      assertRefused(record(s, nullKey), "names no hotkey");
    }

    @Test
    void shouldRefuseEmptyAndOversizedRounds() {
      ValidatorState s = started();
      assertRefused(record(s, Map.of()), "no scores");
      assertRefused(s.recordScores(null, 1, ALPHA), "no scores");
      Map<String, Double> many = new HashMap<>();
      for (int i = 0; i <= Scores.MAX_PER_ROUND; i++) {
        many.put("m" + i, 0.5);
      }
      assertRefused(record(s, many), "4097 scores in one round");
    }

    @Test
    void shouldRefuseAnAlphaOutsideItsRange() {
      assertRefused(started().recordScores(Map.of("a", 0.5), 1, 0), "alpha");
      assertRefused(started().recordScores(Map.of("a", 0.5), 1, 1_000_001), "alpha");
    }
  }

  @Nested
  class DirectWeights {
    @Test
    void shouldSetMaxUpscaledWeightsOnScoredMinersOnly() {
      ValidatorState s = applyAll(scored(), scored().recordScores(Map.of(VALIDATOR, 1.0), 50, ALPHA));
      WeightsAction action = s.nextAction(metagraph(500, "a", "b", "c", "stranger"), DIRECT, seeded());
      Set set = assertInstanceOf(Set.class, action);
      assertEquals(new SetWeights(VALIDATOR, List.of(1, 2), List.of(65_535, 21_845), 500), set.command());
      assertEquals(new WeightsSubmitted(List.of(1, 2), List.of(65_535, 21_845), 500), set.acknowledged());
    }

    @Test
    void shouldDoNothingBeforeStartOrWithoutPermitRegistrationOrScores() {
      assertEquals(new Nothing("not started"), ValidatorState.initial(VALIDATOR, NETUID).nextAction(metagraph(500, "a"), DIRECT, seeded()));
      assertEquals(
          new Nothing("5Hvalidator holds no validator permit"), scored().nextAction(metagraph(500, false, 0, "a"), DIRECT, seeded()));
      assertInstanceOf(Nothing.class, scored().nextAction(metagraph(500, "x", "y"), DIRECT, seeded()), "only unscored miners");
      assertInstanceOf(Nothing.class, scored().nextAction(metagraph(500, "c"), DIRECT, seeded()), "only a zero score");
      ValidatorState stranger = applyAll(ValidatorState.initial("5Hother", NETUID), ValidatorState.initial("5Hother", NETUID).start(NETUID));
      assertEquals(new Nothing("5Hother is not registered in subnet 3"), stranger.nextAction(metagraph(500, "a"), DIRECT, seeded()));
    }

    @Test
    void shouldRespectTheRateLimitFromTheSubnetsAndItsOwnLastUpdate() {
      assertEquals(
          new Nothing("weights were submitted at block 450; the next may go at block 550"),
          scored().nextAction(metagraph(500, true, 450, "a"), DIRECT, seeded()));
      assertInstanceOf(Set.class, scored().nextAction(metagraph(550, true, 450, "a"), DIRECT, seeded()));
      ValidatorState set = scored().apply(new WeightsSubmitted(List.of(1), List.of(65_535), 480));
      assertInstanceOf(Nothing.class, set.nextAction(metagraph(579, "a"), DIRECT, seeded()), "its own record counts too");
      assertInstanceOf(Set.class, set.nextAction(metagraph(580, "a"), DIRECT, seeded()));
    }
  }

  @Nested
  class CommitReveal {
    @Test
    void shouldCommitAHashOfTheWeightsAndASeededSalt() {
      Commit commit = assertInstanceOf(Commit.class, scored().nextAction(metagraph(500, "a", "b"), COMMIT_REVEAL, seeded()));
      PendingCommit c = commit.commit();
      assertEquals(List.of(1, 2), c.uids());
      assertEquals(List.of(65_535, 21_845), c.values());
      assertEquals(16, c.salt().length);
      byte[] expectedSalt = new byte[16];
      seeded().nextBytes(expectedSalt);
      assertArrayEquals(expectedSalt, c.salt());
      assertEquals(WeightCommits.hash(VALIDATOR, NETUID, new int[] {1, 2}, new int[] {65_535, 21_845}, expectedSalt), c.hash());
      assertEquals(new CommitWeights(VALIDATOR, c.hash(), 500), commit.command());
      assertEquals(new WeightsCommitted(c), commit.acknowledged());
    }

    @Test
    void shouldRevealOnlyWithinTheWindowAfterTheDelay() {
      Commit commit = (Commit) scored().nextAction(metagraph(500, "a", "b"), COMMIT_REVEAL, seeded());
      ValidatorState s = scored().apply(commit.acknowledged());
      assertEquals(
          new Nothing("the commit of block 500 may be revealed from block 860"),
          s.nextAction(metagraph(859, true, 500, "a", "b"), COMMIT_REVEAL, seeded()));
      Reveal reveal = assertInstanceOf(Reveal.class, s.nextAction(metagraph(860, true, 500, "a", "b"), COMMIT_REVEAL, seeded()));
      assertEquals(new RevealWeights(VALIDATOR, List.of(1, 2), List.of(65_535, 21_845), commit.commit().salt(), 860), reveal.command());
      assertEquals(new WeightsRevealed(860), reveal.acknowledged());
      assertInstanceOf(Reveal.class, s.nextAction(metagraph(1_219, true, 500, "a", "b"), COMMIT_REVEAL, seeded()), "last block of the window");
      assertInstanceOf(Commit.class, s.nextAction(metagraph(1_220, true, 500, "a", "b"), COMMIT_REVEAL, seeded()), "expired: commit anew");
    }

    @Test
    void shouldRecordRevealedWeightsAsTheLastAndClearThePending() {
      Commit commit = (Commit) scored().nextAction(metagraph(500, "a", "b"), COMMIT_REVEAL, seeded());
      ValidatorState s = scored().apply(commit.acknowledged()).apply(new WeightsRevealed(860));
      assertNull(s.pending());
      assertEquals(new SubmittedWeights(List.of(1, 2), List.of(65_535, 21_845), 860), s.lastWeights());
      assertInstanceOf(Nothing.class, s.nextAction(metagraph(900, true, 500, "a"), COMMIT_REVEAL, seeded()), "rate limited from the reveal");
      assertInstanceOf(Commit.class, s.nextAction(metagraph(960, true, 500, "a"), COMMIT_REVEAL, seeded()));
    }

    @Test
    void shouldSetDirectlyOnceCommitRevealIsSwitchedOff() {
      Commit commit = (Commit) scored().nextAction(metagraph(500, "a", "b"), COMMIT_REVEAL, seeded());
      ValidatorState s = scored().apply(commit.acknowledged());
      Set set = assertInstanceOf(Set.class, s.nextAction(metagraph(600, true, 500, "a", "b"), DIRECT, seeded()));
      assertNull(s.apply(set.acknowledged()).pending(), "a direct set supersedes the stale commit");
    }

    @Test
    void shouldTakeItsRulesFromTheSubnetsHyperparameters() {
      SubnetHyperparameters h = SubnetHyperparameters.DEFAULTS.with("commit_reveal_weights_enabled", "true").with("commit_reveal_delay", 7);
      assertEquals(new WeightsRules(true, 100, 7, 360), WeightsRules.of(h));
    }
  }

  @Test
  void shouldKeepScoresRecordedInHotkeyOrder() {
    ScoresRecorded e = (ScoresRecorded) Participants.accepted(record(started(), Map.of("b", 0.1, "a", 0.2))).get(0);
    assertEquals(List.of("a", "b"), List.copyOf(e.averages().keySet()));
  }
}
