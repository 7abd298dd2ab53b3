package io.taofabric.actors.network;

import io.taofabric.core.network.NetworkEvent;
import io.taofabric.core.network.NetworkEvent.BlockProduced;
import java.time.Duration;
import java.util.function.LongFunction;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The fabric's logical clock, run as one cluster singleton: every interval it persists the next
 * block and then tells its listener. Because the height is persisted before anyone hears of it, a
 * new owner after a crash continues from the last block anyone saw, never repeating or skipping a
 * height; a tick lost on the way is harmless because epochs pay by block range, not per tick.
 *
 * @param <T> the listener's message type
 */
public final class BlockClock<T> extends EventSourcedBehaviorWithEnforcedReplies<BlockClock.Command, NetworkEvent, BlockProduced> {
  /** The persistence id of the one clock. */
  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("BlockClock|network");

  /** What the clock accepts. */
  public sealed interface Command {}

  /** Replies with the last block produced (block 0 at time 0 before the first). */
  public record GetHeight(ActorRef<BlockProduced> replyTo) implements Command {}

  private enum Produce implements Command, NoSerializationVerificationNeeded {
    INSTANCE
  }

  private final Duration interval;
  private final ActorRef<T> listener;
  private final LongFunction<T> tick;
  private final TimerScheduler<Command> timers;

  private BlockClock(Duration interval, ActorRef<T> listener, LongFunction<T> tick, TimerScheduler<Command> timers) {
    super(PERSISTENCE_ID);
    this.interval = interval;
    this.listener = listener;
    this.tick = tick;
    this.timers = timers;
  }

  /** A clock producing a block every {@code interval}, telling {@code listener} {@code tick(block)}. */
  public static <T> Behavior<Command> create(Duration interval, ActorRef<T> listener, LongFunction<T> tick) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the block interval must be positive, got " + interval);
    }
    return Behaviors.withTimers(timers -> new BlockClock<>(interval, listener, tick, timers));
  }

  @Override
  public BlockProduced emptyState() {
    return new BlockProduced(0, 0);
  }

  @Override
  public CommandHandlerWithReply<Command, NetworkEvent, BlockProduced> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(GetHeight.class, (last, get) -> Effect().reply(get.replyTo(), last))
        .onCommand(Produce.class, (last, produce) -> onProduce(last))
        .build();
  }

  private ReplyEffect<NetworkEvent, BlockProduced> onProduce(BlockProduced last) {
    BlockProduced next = new BlockProduced(last.block() + 1, System.currentTimeMillis());
    return Effect().persist(next).thenRun(produced -> listener.tell(tick.apply(produced.block()))).thenNoReply();
  }

  @Override
  public EventHandler<BlockProduced, NetworkEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(BlockProduced.class, (last, produced) -> produced).build();
  }

  @Override
  public SignalHandler<BlockProduced> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), last -> timers.startTimerWithFixedDelay(Produce.INSTANCE, interval))
        .build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(1_000, 2);
  }
}
