package io.taofabric.actors.participant;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.participant.MinerEvent;
import io.taofabric.core.participant.MinerEvent.EndpointAnnounced;
import io.taofabric.core.participant.MinerState;
import io.taofabric.core.subnet.SubnetCommand.ServeEndpoint;
import org.apache.pekko.Done;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;

/**
 * One miner's record. Every rule is fabric-core's {@link MinerState}; this shell announces the
 * miner's endpoint to its subnet (stamped with the block the subnet has reached, read from its
 * metagraph) and persists the announcement only once the subnet has acknowledged it. One
 * announcement at a time: another waits until the first is answered.
 */
public final class MinerEntity extends EventSourcedBehaviorWithEnforcedReplies<MinerEntity.Command, MinerEvent, MinerState> {
  /** The persistence id prefix (and sharded entity type name) of miners. */
  public static final String TYPE = "Miner";

  /** What a miner accepts. */
  public sealed interface Command {}

  /** Announces {@code endpoint} ({@code host:port}) to the subnet, then records it. */
  public record Serve(String endpoint, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Adds to the miner's query counts; a refusal (a negative count) is logged. */
  public record CountQueries(long answered, long failed) implements Command {}

  /** Replies with the miner's record. */
  public record GetState(ActorRef<MinerState> replyTo) implements Command {}

  private record BlockKnown(Serve serve, long block, String failure) implements Command, NoSerializationVerificationNeeded {}

  private record ServeAnswered(EndpointAnnounced announced, String refusal, ActorRef<StatusReply<Done>> replyTo)
      implements Command, NoSerializationVerificationNeeded {}

  private final ParticipantId id;
  private final Subnets subnets;
  private final ActorContext<Command> context;
  private long seenBlock;
  private boolean serving;

  private MinerEntity(ParticipantId id, Subnets subnets, ActorContext<Command> context) {
    super(PersistenceId.of(TYPE, id.entityId()));
    this.id = id;
    this.subnets = subnets;
    this.context = context;
  }

  /** The miner {@code id}, reaching its subnet through {@code subnets}. */
  public static Behavior<Command> create(ParticipantId id, Subnets subnets) {
    return Behaviors.setup(context -> new MinerEntity(id, subnets, context));
  }

  @Override
  public MinerState emptyState() {
    return MinerState.initial(id.hotkey(), id.netuid());
  }

  @Override
  public CommandHandlerWithReply<Command, MinerEvent, MinerState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Serve.class, this::onServe)
        .onCommand(BlockKnown.class, this::onBlockKnown)
        .onCommand(ServeAnswered.class, this::onServeAnswered)
        .onCommand(CountQueries.class, this::onCountQueries)
        .onCommand(GetState.class, (state, get) -> Effect().reply(get.replyTo(), state))
        .build();
  }

  private ReplyEffect<MinerEvent, MinerState> onServe(MinerState state, Serve serve) {
    if (serving) {
      return Effect().stash();
    }
    if (state.announce(serve.endpoint(), seenBlock) instanceof Decision.Reject<MinerEvent> reject) {
      return Effect().reply(serve.replyTo(), StatusReply.error(reject.reason()));
    }
    serving = true;
    context.pipeToSelf(
        subnets.metagraph(id.netuid()),
        (metagraph, failure) -> failure == null ? new BlockKnown(serve, metagraph.block(), null) : new BlockKnown(serve, 0, failure.toString()));
    return Effect().noReply();
  }

  private ReplyEffect<MinerEvent, MinerState> onBlockKnown(MinerState state, BlockKnown known) {
    if (known.failure() != null) {
      serving = false;
      return Effect().reply(known.serve().replyTo(), StatusReply.error("no answer from subnet " + id.netuid() + ": " + known.failure()))
          .thenUnstashAll();
    }
    seenBlock = Math.max(seenBlock, known.block());
    Decision<MinerEvent> decision = state.announce(known.serve().endpoint(), seenBlock);
    if (!(decision instanceof Decision.Accept<MinerEvent> accept)) {
      serving = false;
      return Effect().reply(known.serve().replyTo(), StatusReply.error(((Decision.Reject<MinerEvent>) decision).reason())).thenUnstashAll();
    }
    EndpointAnnounced announced = (EndpointAnnounced) accept.events().get(0);
    context.pipeToSelf(
        subnets.execute(id.netuid(), new ServeEndpoint(id.hotkey(), announced.endpoint(), announced.block())),
        (reply, failure) -> new ServeAnswered(announced, Replies.refusal(reply, failure), known.serve().replyTo()));
    return Effect().noReply();
  }

  private ReplyEffect<MinerEvent, MinerState> onServeAnswered(MinerState state, ServeAnswered answer) {
    serving = false;
    if (answer.refusal() != null) {
      return Effect().reply(answer.replyTo(), StatusReply.error(answer.refusal())).thenUnstashAll();
    }
    return Effect().persist(answer.announced()).thenReply(answer.replyTo(), s -> StatusReply.<Done>ack()).thenUnstashAll();
  }

  private ReplyEffect<MinerEvent, MinerState> onCountQueries(MinerState state, CountQueries count) {
    Decision<MinerEvent> decision = state.countQueries(count.answered(), count.failed(), seenBlock);
    if (decision instanceof Decision.Accept<MinerEvent> accept) {
      return Effect().persist(accept.events()).thenNoReply();
    }
    if (decision instanceof Decision.Reject<MinerEvent> reject) {
      context.getLog().warn("miner {} did not count {}: {}", id.entityId(), count, reject.reason());
    }
    return Effect().noReply();
  }

  @Override
  public EventHandler<MinerState, MinerEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(MinerState::apply);
  }
}
