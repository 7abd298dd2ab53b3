package io.taofabric.actors.ledger;

import io.taofabric.core.ledger.AccountCommand.ReceiveTransfer;
import io.taofabric.core.ledger.AccountCommand.SendTransfer;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.ledger.Transfer;
import io.taofabric.core.ledger.TransferEvent;
import io.taofabric.core.ledger.TransferRequest;
import io.taofabric.persistence.ledger.LedgerJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * A transfer between two accounts as a saga ({@link Transfer}): each step is persisted before the
 * next account is asked, both account operations carry the transfer's id, and after a crash the
 * saga resumes from its last step. Callers may repeat a request with the same id at any time and
 * get the transfer's outcome; money moves once.
 */
public final class TransferEntity
    extends EventSourcedBehaviorWithEnforcedReplies<TransferEntity.Command, TransferEvent, Transfer> {

  /** The persistence id prefix (and sharded entity type name) of transfers. */
  public static final String TYPE = LedgerJournal.TRANSFER;

  /** What a transfer accepts. */
  public sealed interface Command {}

  /** Asks for the transfer; replies when it completed, or with the reason it failed. */
  public record Request(TransferRequest request, ActorRef<StatusReply<String>> replyTo) implements Command {}

  // Private messages are sent only to this actor itself, so they have no codec; the marker keeps
  // serialize-messages test runs from checking them.
  private record DebitAnswered(String refusal, String failure) implements Command, NoSerializationVerificationNeeded {}

  private record CreditAnswered(String failure) implements Command, NoSerializationVerificationNeeded {}

  private enum Resume implements Command, NoSerializationVerificationNeeded {
    INSTANCE
  }

  private final Accounts accounts;
  private final Duration retryAfter;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final List<ActorRef<StatusReply<String>>> waiting = new ArrayList<>();

  private TransferEntity(
      String id, Accounts accounts, Duration retryAfter, ActorContext<Command> context, TimerScheduler<Command> timers) {
    super(PersistenceId.of(TYPE, id));
    this.accounts = accounts;
    this.retryAfter = retryAfter;
    this.context = context;
    this.timers = timers;
  }

  /** The saga of transfer {@code id}, moving money through {@code accounts}. */
  public static Behavior<Command> create(String id, Accounts accounts, Duration retryAfter) {
    return Behaviors.setup(
        context -> Behaviors.withTimers(timers -> new TransferEntity(id, accounts, retryAfter, context, timers)));
  }

  @Override
  public Transfer emptyState() {
    return new Transfer();
  }

  @Override
  public CommandHandlerWithReply<Command, TransferEvent, Transfer> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Request.class, this::onRequest)
        .onCommand(DebitAnswered.class, this::onDebitAnswered)
        .onCommand(CreditAnswered.class, this::onCreditAnswered)
        .onCommand(Resume.class, (transfer, resume) -> resume(transfer))
        .build();
  }

  private ReplyEffect<TransferEvent, Transfer> onRequest(Transfer transfer, Request request) {
    Decision<TransferEvent> decision = transfer.decideRequest(request.request());
    if (decision instanceof Decision.Reject<TransferEvent> reject) {
      return Effect().reply(request.replyTo(), StatusReply.error(reject.reason()));
    }
    waiting.add(request.replyTo());
    if (decision instanceof Decision.Accept<TransferEvent> accept) {
      return Effect().persist(accept.events()).thenRun(this::debit).thenNoReply();
    }
    return answerIfDone(transfer);
  }

  private ReplyEffect<TransferEvent, Transfer> onDebitAnswered(Transfer transfer, DebitAnswered answer) {
    if (answer.failure() != null) {
      return retryLater(answer.failure());
    }
    Decision<TransferEvent> decision = transfer.decideDebitAnswer(answer.refusal());
    if (decision instanceof Decision.Accept<TransferEvent> accept) {
      return Effect()
          .persist(accept.events())
          .thenRun(t -> {
            if (t.stage() == Transfer.Stage.DEBITED) {
              credit(t);
            } else {
              answerWaiting(t);
            }
          })
          .thenNoReply();
    }
    return Effect().noReply();
  }

  private ReplyEffect<TransferEvent, Transfer> onCreditAnswered(Transfer transfer, CreditAnswered answer) {
    if (answer.failure() != null) {
      return retryLater(answer.failure());
    }
    Decision<TransferEvent> decision = transfer.decideCredited();
    if (decision instanceof Decision.Accept<TransferEvent> accept) {
      return Effect().persist(accept.events()).thenRun(this::answerWaiting).thenNoReply();
    }
    return Effect().noReply();
  }

  private ReplyEffect<TransferEvent, Transfer> retryLater(String failure) {
    context.getLog().warn("transfer step not confirmed ({}); retrying in {}", failure, retryAfter);
    timers.startSingleTimer(Resume.INSTANCE, retryAfter);
    return Effect().noReply();
  }

  private ReplyEffect<TransferEvent, Transfer> resume(Transfer transfer) {
    continueFrom(transfer);
    return Effect().noReply();
  }

  private ReplyEffect<TransferEvent, Transfer> answerIfDone(Transfer transfer) {
    answerWaiting(transfer);
    return Effect().noReply();
  }

  @Override
  public SignalHandler<Transfer> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::continueFrom).build();
  }

  @Override
  public EventHandler<Transfer, TransferEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(Transfer::apply);
  }

  private void continueFrom(Transfer transfer) {
    if (transfer.stage() == Transfer.Stage.REQUESTED) {
      debit(transfer);
    } else if (transfer.stage() == Transfer.Stage.DEBITED) {
      credit(transfer);
    }
  }

  private void debit(Transfer transfer) {
    TransferRequest r = transfer.request();
    context.pipeToSelf(
        accounts.execute(r.from(), new SendTransfer(r.id(), r.to(), r.amount(), r.block())),
        (reply, failure) ->
            failure != null
                ? new DebitAnswered(null, failure.toString())
                : new DebitAnswered(reply.isError() ? reply.getError().getMessage() : null, null));
  }

  private void credit(Transfer transfer) {
    TransferRequest r = transfer.request();
    context.pipeToSelf(
        accounts.execute(r.to(), new ReceiveTransfer(r.id(), r.from(), r.amount(), r.block())),
        (reply, failure) ->
            new CreditAnswered(
                failure != null ? failure.toString() : reply.isError() ? reply.getError().getMessage() : null));
  }

  private void answerWaiting(Transfer transfer) {
    if (transfer.stage() != Transfer.Stage.COMPLETED && transfer.stage() != Transfer.Stage.FAILED) {
      return;
    }
    StatusReply<String> answer =
        transfer.stage() == Transfer.Stage.COMPLETED
            ? StatusReply.success(transfer.request().id())
            : StatusReply.error(transfer.failure());
    waiting.forEach(replyTo -> replyTo.tell(answer));
    waiting.clear();
  }
}
