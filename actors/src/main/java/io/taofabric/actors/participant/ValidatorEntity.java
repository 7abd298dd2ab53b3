package io.taofabric.actors.participant;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.participant.ValidatorEvent;
import io.taofabric.core.participant.ValidatorState;
import io.taofabric.core.participant.WeightsAction;
import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.subnet.Metagraph;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.Done;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One validator's record and loop. Every rule is fabric-core's {@link ValidatorState}; this shell
 * runs a round every loop interval once started (and again after a restart or a move, which is
 * why sharding remembers validators): it asks its subnet for the metagraph and weights rules,
 * decides the next weights action, sends it, and persists the action's event only once the subnet
 * has acknowledged it. One round at a time; a tick during a round is skipped.
 */
public final class ValidatorEntity
    extends EventSourcedBehaviorWithEnforcedReplies<ValidatorEntity.Command, ValidatorEvent, ValidatorState> {
  /** The persistence id prefix (and sharded entity type name) of validators. */
  public static final String TYPE = "Validator";

  /** What a validator accepts. */
  public sealed interface Command {}

  /** Starts the loop in subnet {@code netuid}, which must be the entity's own; a repeat changes nothing. */
  public record Start(int netuid) implements Command {}

  /** Folds a round of scores (hotkey → [0, 1]) into the moving averages; refused whole if any is wrong. */
  public record RecordScores(Map<String, Double> scores, ActorRef<StatusReply<Done>> replyTo) implements Command {
    /** Copies the scores, keeping nulls for the rules to refuse. */
    public RecordScores {
      scores = Collections.unmodifiableMap(new HashMap<>(scores));
    }
  }

  /** Replies with the validator's record. */
  public record GetState(ActorRef<ValidatorState> replyTo) implements Command {}

  private enum Loop implements Command, NoSerializationVerificationNeeded {
    TICK
  }

  private record RoundInputs(Metagraph metagraph, WeightsRules rules, String failure)
      implements Command, NoSerializationVerificationNeeded {}

  private record SubnetAnswered(WeightsAction.Submission submission, String refusal)
      implements Command, NoSerializationVerificationNeeded {}

  private final ParticipantId id;
  private final Subnets subnets;
  private final ValidatorSettings settings;
  private final SecureRandom random;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private long seenBlock;
  private boolean roundInFlight;

  private ValidatorEntity(
      ParticipantId id,
      Subnets subnets,
      ValidatorSettings settings,
      SecureRandom random,
      ActorContext<Command> context,
      TimerScheduler<Command> timers) {
    super(PersistenceId.of(TYPE, id.entityId()));
    this.id = id;
    this.subnets = subnets;
    this.settings = settings;
    this.random = random;
    this.context = context;
    this.timers = timers;
  }

  /** The validator {@code id}, reaching its subnet through {@code subnets}, salting commits from {@code random}. */
  public static Behavior<Command> create(ParticipantId id, Subnets subnets, ValidatorSettings settings, SecureRandom random) {
    return Behaviors.setup(
        context -> Behaviors.withTimers(timers -> new ValidatorEntity(id, subnets, settings, random, context, timers)));
  }

  @Override
  public ValidatorState emptyState() {
    return ValidatorState.initial(id.hotkey(), id.netuid());
  }

  @Override
  public CommandHandlerWithReply<Command, ValidatorEvent, ValidatorState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Start.class, this::onStart)
        .onCommand(RecordScores.class, this::onRecordScores)
        .onCommand(GetState.class, (state, get) -> Effect().reply(get.replyTo(), state))
        .onCommand(Loop.class, this::onLoop)
        .onCommand(RoundInputs.class, this::onRoundInputs)
        .onCommand(SubnetAnswered.class, this::onSubnetAnswered)
        .build();
  }

  private ReplyEffect<ValidatorEvent, ValidatorState> onStart(ValidatorState state, Start start) {
    Decision<ValidatorEvent> decision = state.start(start.netuid());
    if (decision instanceof Decision.Accept<ValidatorEvent> accept) {
      return Effect().persist(accept.events()).thenRun(this::startLoop).thenNoReply();
    }
    if (decision instanceof Decision.Reject<ValidatorEvent> reject) {
      context.getLog().warn("validator {} not started: {}", id.entityId(), reject.reason());
    }
    return Effect().noReply();
  }

  private ReplyEffect<ValidatorEvent, ValidatorState> onRecordScores(ValidatorState state, RecordScores record) {
    Decision<ValidatorEvent> decision = state.recordScores(record.scores(), seenBlock, settings.scoreAlphaMillionths());
    if (decision instanceof Decision.Accept<ValidatorEvent> accept) {
      return Effect().persist(accept.events()).thenReply(record.replyTo(), s -> StatusReply.ack());
    }
    return Effect().reply(record.replyTo(), StatusReply.error(((Decision.Reject<ValidatorEvent>) decision).reason()));
  }

  private ReplyEffect<ValidatorEvent, ValidatorState> onLoop(ValidatorState state, Loop tick) {
    if (!roundInFlight) {
      roundInFlight = true;
      context.pipeToSelf(
          subnets.metagraph(id.netuid()).thenCompose(m -> subnets.weightsRules(id.netuid()).thenApply(r -> new RoundInputs(m, r, null))),
          (inputs, failure) -> failure == null ? inputs : new RoundInputs(null, null, failure.toString()));
    }
    return Effect().noReply();
  }

  private ReplyEffect<ValidatorEvent, ValidatorState> onRoundInputs(ValidatorState state, RoundInputs inputs) {
    if (inputs.failure() != null) {
      roundInFlight = false;
      context.getLog().warn("validator {} could not read its subnet: {}", id.entityId(), inputs.failure());
      return Effect().noReply();
    }
    seenBlock = Math.max(seenBlock, inputs.metagraph().block());
    WeightsAction action = state.nextAction(inputs.metagraph(), inputs.rules(), random);
    if (action instanceof WeightsAction.Submission submission) {
      context.pipeToSelf(
          subnets.execute(id.netuid(), submission.command()),
          (reply, failure) -> new SubnetAnswered(submission, Replies.refusal(reply, failure)));
    } else {
      roundInFlight = false;
      context.getLog().debug("validator {} waits: {}", id.entityId(), ((WeightsAction.Nothing) action).reason());
    }
    return Effect().noReply();
  }

  private ReplyEffect<ValidatorEvent, ValidatorState> onSubnetAnswered(ValidatorState state, SubnetAnswered answer) {
    roundInFlight = false;
    if (answer.refusal() != null) {
      context.getLog().warn("subnet {} refused {}: {}", id.netuid(), answer.submission().command(), answer.refusal());
      return Effect().noReply();
    }
    return Effect().persist(answer.submission().acknowledged()).thenNoReply();
  }

  private void startLoop(ValidatorState state) {
    timers.startTimerWithFixedDelay(Loop.TICK, settings.loopInterval());
  }

  @Override
  public EventHandler<ValidatorState, ValidatorEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(ValidatorState::apply);
  }

  @Override
  public SignalHandler<ValidatorState> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            state -> {
              seenBlock = state.block();
              if (state.started()) {
                startLoop(state);
              }
            })
        .build();
  }
}
