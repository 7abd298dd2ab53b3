package io.taofabric.actors.ledger;

import io.taofabric.core.ledger.AccountCommand.CreditEmission;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.ledger.Settlement;
import io.taofabric.core.ledger.SettlementEvent;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;
import io.taofabric.persistence.ledger.LedgerJournal;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * A subnet's settlement record. An epoch is settled by persisting one {@link EpochSettled}; then
 * each UID's emission is credited to its coldkey's account under the key (subnet, epoch, UID), at
 * most {@value #MAX_IN_FLIGHT} credits at a time so a large epoch does not flood the accounts.
 * After a failed credit the record waits, then sends what is unacknowledged again; after a restart
 * the new owner sends every unconfirmed epoch's credits again. Accounts apply each key once, so
 * nothing is paid twice. When every credit of an epoch is acknowledged, {@code EpochCredited}
 * closes it.
 */
public final class SettlementEntity
    extends EventSourcedBehaviorWithEnforcedReplies<SettlementEntity.Command, SettlementEvent, Settlement> {

  /** The persistence id prefix (and sharded entity type name) of settlement records. */
  public static final String TYPE = LedgerJournal.SETTLEMENT;

  /** What a settlement record accepts. */
  public sealed interface Command {}

  /** Settles an epoch; replies once it is persisted (its credits follow). */
  public record Settle(EpochSettled epoch, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /** Replies with the epochs whose credits are not all confirmed. */
  public record GetUncredited(ActorRef<Uncredited> replyTo) implements Command {}

  /** The epochs, oldest first, whose credits are not all confirmed. */
  public record Uncredited(List<Long> epochs) {
    public Uncredited {
      epochs = List.copyOf(epochs);
    }
  }

  // Private messages are sent only to this actor itself, so they have no codec; the marker keeps
  // serialize-messages test runs from checking them (CheckCredited is told directly, not adapted).
  private record CreditAnswered(long epoch, int uid, String failure) implements Command, NoSerializationVerificationNeeded {}

  private record CheckCredited(long epoch) implements Command, NoSerializationVerificationNeeded {}

  private enum Redeliver implements Command, NoSerializationVerificationNeeded {
    INSTANCE
  }

  private final int netuid;
  private final Accounts accounts;
  private final Duration retryAfter;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  /** Credits asked for and not yet answered, per settlement record. */
  static final int MAX_IN_FLIGHT = 16;

  private final Map<Long, Set<Integer>> awaiting = new HashMap<>();
  private final Set<Long> inFlight = new HashSet<>();

  private SettlementEntity(
      int netuid, Accounts accounts, Duration retryAfter, ActorContext<Command> context, TimerScheduler<Command> timers) {
    super(PersistenceId.of(TYPE, Integer.toString(netuid)));
    this.netuid = netuid;
    this.accounts = accounts;
    this.retryAfter = retryAfter;
    this.context = context;
    this.timers = timers;
  }

  /** The settlement record of {@code netuid}, crediting through {@code accounts}. */
  public static Behavior<Command> create(int netuid, Accounts accounts, Duration retryAfter) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(timers -> new SettlementEntity(netuid, accounts, retryAfter, context, timers)));
  }

  @Override
  public Settlement emptyState() {
    return new Settlement(netuid);
  }

  @Override
  public CommandHandlerWithReply<Command, SettlementEvent, Settlement> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Settle.class, this::onSettle)
        .onCommand(GetUncredited.class, this::onGetUncredited)
        .onCommand(CreditAnswered.class, this::onCreditAnswered)
        .onCommand(CheckCredited.class, (state, check) -> closeIfCredited(state, check.epoch()))
        .onCommand(Redeliver.class, this::onRedeliver)
        .build();
  }

  private ReplyEffect<SettlementEvent, Settlement> onSettle(Settlement state, Settle settle) {
    Decision<SettlementEvent> decision = state.decideSettle(settle.epoch());
    if (decision instanceof Decision.Accept<SettlementEvent> accept) {
      return Effect()
          .persist(accept.events())
          .thenRun(updated -> deliver(updated, settle.epoch()))
          .thenReply(settle.replyTo(), updated -> StatusReply.ack());
    }
    if (decision instanceof Decision.Reject<SettlementEvent> reject) {
      return Effect().reply(settle.replyTo(), StatusReply.error(reject.reason()));
    }
    return Effect().reply(settle.replyTo(), StatusReply.ack());
  }

  private ReplyEffect<SettlementEvent, Settlement> onGetUncredited(Settlement state, GetUncredited get) {
    return Effect().reply(get.replyTo(), new Uncredited(state.uncredited().stream().map(EpochSettled::epoch).toList()));
  }

  private ReplyEffect<SettlementEvent, Settlement> onCreditAnswered(Settlement state, CreditAnswered answer) {
    inFlight.remove(key(answer.epoch(), answer.uid()));
    if (answer.failure() != null) {
      if (!timers.isTimerActive(Redeliver.INSTANCE)) {
        context.getLog().warn(
            "credits of subnet {} not confirmed (first: uid {} of epoch {}: {}); sending again in {}",
            netuid, answer.uid(), answer.epoch(), answer.failure(), retryAfter);
        timers.startSingleTimer(Redeliver.INSTANCE, retryAfter);
      }
      return Effect().noReply();
    }
    Set<Integer> pending = awaiting.get(answer.epoch());
    if (pending != null) {
      pending.remove(answer.uid());
    }
    if (!timers.isTimerActive(Redeliver.INSTANCE)) {
      pump(state);
    }
    return closeIfCredited(state, answer.epoch());
  }

  private ReplyEffect<SettlementEvent, Settlement> closeIfCredited(Settlement state, long epoch) {
    Set<Integer> pending = awaiting.get(epoch);
    if (pending == null || !pending.isEmpty()) {
      return Effect().noReply();
    }
    awaiting.remove(epoch);
    Decision<SettlementEvent> decision = state.decideCredited(epoch, blockOf(state, epoch));
    if (decision instanceof Decision.Accept<SettlementEvent> accept) {
      return Effect().persist(accept.events()).thenNoReply();
    }
    return Effect().noReply();
  }

  private ReplyEffect<SettlementEvent, Settlement> onRedeliver(Settlement state, Redeliver redeliver) {
    pump(state);
    return Effect().noReply();
  }

  @Override
  public SignalHandler<Settlement> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> state.uncredited().forEach(e -> deliver(state, e)))
        .build();
  }

  @Override
  public EventHandler<Settlement, SettlementEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(Settlement::apply);
  }

  /** Starts crediting {@code epoch}: every UID with a positive emission awaits its credit. */
  private void deliver(Settlement state, EpochSettled epoch) {
    Set<Integer> pending = awaiting.computeIfAbsent(epoch.epoch(), e -> positiveUids(epoch));
    if (pending.isEmpty()) {
      context.getSelf().tell(new CheckCredited(epoch.epoch()));
    }
    pump(state);
  }

  /** Sends unacknowledged credits, oldest epoch first, up to {@value #MAX_IN_FLIGHT} at a time. */
  private void pump(Settlement state) {
    for (EpochSettled epoch : state.uncredited()) {
      Set<Integer> pending = awaiting.computeIfAbsent(epoch.epoch(), e -> positiveUids(epoch));
      for (UidEmission e : epoch.emissions()) {
        if (inFlight.size() >= MAX_IN_FLIGHT) {
          return;
        }
        if (pending.contains(e.uid()) && inFlight.add(key(epoch.epoch(), e.uid()))) {
          CreditEmission credit =
              new CreditEmission(netuid, epoch.epoch(), e.uid(), e.hotkey(), e.amount(), epoch.block());
          context.pipeToSelf(
              accounts.execute(e.coldkey(), credit),
              (reply, failure) -> new CreditAnswered(epoch.epoch(), e.uid(), failureOf(reply, failure)));
        }
      }
    }
  }

  private static long key(long epoch, int uid) {
    return epoch * 65_536 + uid;
  }

  private static Set<Integer> positiveUids(EpochSettled epoch) {
    Set<Integer> uids = new HashSet<>();
    for (UidEmission e : epoch.emissions()) {
      if (e.amount() > 0) {
        uids.add(e.uid());
      }
    }
    return uids;
  }

  private static String failureOf(StatusReply<AccountEntity.Balance> reply, Throwable failure) {
    if (failure != null) {
      return failure.toString();
    }
    return reply.isError() ? reply.getError().getMessage() : null;
  }

  private static long blockOf(Settlement state, long epoch) {
    for (EpochSettled e : state.uncredited()) {
      if (e.epoch() == epoch) {
        return e.block();
      }
    }
    return 0;
  }
}
