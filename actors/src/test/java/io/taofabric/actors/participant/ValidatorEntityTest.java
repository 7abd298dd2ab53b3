package io.taofabric.actors.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.taofabric.core.participant.SubmittedWeights;
import io.taofabric.core.participant.ValidatorState;
import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetCommand.CommitWeights;
import io.taofabric.core.subnet.SubnetCommand.RevealWeights;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ValidatorEntityTest {
  private static final ActorTestKit TEST_KIT =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(ConfigFactory.load()));
  private static final WeightsRules DIRECT = new WeightsRules(false, 100, 0, 1);
  private static final WeightsRules COMMIT_REVEAL = new WeightsRules(true, 100, 360, 360);
  private static final ValidatorSettings SETTINGS = new ValidatorSettings(Duration.ofMillis(20), 100_000);

  private final String hotkey = "5Hvalidator-" + UUID.randomUUID();
  private final ParticipantId id = new ParticipantId(3, hotkey);
  private final TestProbe<SubnetCommand.Direct> sent = TEST_KIT.createTestProbe();
  private final FakeSubnets subnets = new FakeSubnets(sent.getRef(), FakeSubnets.metagraph(500, hotkey, "a", "b"), DIRECT);

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private ActorRef<ValidatorEntity.Command> spawn() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(7);
      return TEST_KIT.spawn(ValidatorEntity.create(id, subnets, SETTINGS, random));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static StatusReply<Done> record(ActorRef<ValidatorEntity.Command> validator, Map<String, Double> scores) {
    TestProbe<StatusReply<Done>> probe = TEST_KIT.createTestProbe();
    validator.tell(new ValidatorEntity.RecordScores(scores, probe.getRef()));
    return probe.receiveMessage();
  }

  private static ValidatorState state(ActorRef<ValidatorEntity.Command> validator) {
    TestProbe<ValidatorState> probe = TEST_KIT.createTestProbe();
    validator.tell(new ValidatorEntity.GetState(probe.getRef()));
    return probe.receiveMessage();
  }

  /** The validator's state once {@code condition} holds, polled within three seconds. */
  private static ValidatorState awaitState(ActorRef<ValidatorEntity.Command> validator, Predicate<ValidatorState> condition) {
    TestProbe<ValidatorState> probe = TEST_KIT.createTestProbe();
    return probe.awaitAssert(Duration.ofSeconds(3), () -> {
      ValidatorState s = state(validator);
      assertTrue(condition.test(s), s.toString());
      return s;
    });
  }

  @Test
  void shouldSetWeightsFromItsScoresOnceStartedAndPersistThemAfterTheAck() {
    ActorRef<ValidatorEntity.Command> validator = spawn();
    assertTrue(record(validator, Map.of("a", 0.9, "b", 0.3)).isSuccess());
    sent.expectNoMessage(Duration.ofMillis(100));
    validator.tell(new ValidatorEntity.Start(3));
    assertEquals(new SetWeights(hotkey, List.of(1, 2), List.of(65_535, 21_845), 500), sent.receiveMessage());
    ValidatorState s = awaitState(validator, v -> v.lastWeights() != null);
    assertEquals(new SubmittedWeights(List.of(1, 2), List.of(65_535, 21_845), 500), s.lastWeights());
    sent.expectNoMessage(Duration.ofMillis(150));
  }

  @Test
  void shouldRefuseAWrongRoundOfScoresAndChangeNothing() {
    ActorRef<ValidatorEntity.Command> validator = spawn();
    StatusReply<Done> reply = record(validator, Map.of("a", Double.NaN));
    assertTrue(reply.isError() && reply.getError().getMessage().contains("not a number"), reply.toString());
    assertTrue(state(validator).averages().isEmpty());
  }

  @Test
  void shouldNotStartInAnotherSubnet() {
    ActorRef<ValidatorEntity.Command> validator = spawn();
    validator.tell(new ValidatorEntity.Start(4));
    assertFalse(state(validator).started());
  }

  @Test
  void shouldPersistNothingTheSubnetRefuses() {
    subnets.refusal = "uid 0 has no validator permit";
    ActorRef<ValidatorEntity.Command> validator = spawn();
    record(validator, Map.of("a", 0.9));
    validator.tell(new ValidatorEntity.Start(3));
    assertInstanceOf(SetWeights.class, sent.receiveMessage());
    assertInstanceOf(SetWeights.class, sent.receiveMessage(), "asked again next round");
    assertNull(state(validator).lastWeights());
  }

  @Test
  void shouldCommitThenRevealAfterTheDelay() {
    subnets.rules = COMMIT_REVEAL;
    ActorRef<ValidatorEntity.Command> validator = spawn();
    record(validator, Map.of("a", 0.9, "b", 0.3));
    validator.tell(new ValidatorEntity.Start(3));
    CommitWeights commit = assertInstanceOf(CommitWeights.class, sent.receiveMessage());
    ValidatorState committed = awaitState(validator, v -> v.pending() != null);
    assertEquals(commit.hash(), committed.pending().hash());
    sent.expectNoMessage(Duration.ofMillis(100));
    subnets.metagraph = FakeSubnets.metagraph(860, hotkey, "a", "b");
    RevealWeights reveal = assertInstanceOf(RevealWeights.class, sent.receiveMessage());
    assertEquals(List.of(1, 2), reveal.uids());
    ValidatorState revealed = awaitState(validator, v -> v.pending() == null);
    assertEquals(new SubmittedWeights(List.of(1, 2), List.of(65_535, 21_845), 860), revealed.lastWeights());
  }

  @Test
  void shouldResumeItsLoopAfterARestartWithoutBeingStartedAgain() {
    ActorRef<ValidatorEntity.Command> validator = spawn();
    record(validator, Map.of("a", 0.9));
    validator.tell(new ValidatorEntity.Start(3));
    sent.receiveMessage();
    awaitState(validator, v -> v.lastWeights() != null);
    TEST_KIT.stop(validator);
    subnets.metagraph = FakeSubnets.metagraph(600, hotkey, "a", "b");
    ActorRef<ValidatorEntity.Command> restarted = spawn();
    assertEquals(new SetWeights(hotkey, List.of(1), List.of(65_535), 600), sent.receiveMessage());
    assertEquals(90_000, state(restarted).averageOf("a"), "scores survive the restart");
  }
}
