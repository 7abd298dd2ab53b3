package io.taofabric.actors.ledger;

import io.taofabric.core.ledger.Account;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.AccountCommand.SendTransfer;
import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.persistence.ledger.LedgerJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One coldkey's account: the journal of record for its balances. Every rule lives in fabric-core's
 * {@link Account}; this shell persists what it decides and replies to every command.
 *
 * <p>A transfer ({@link SendTransfer}) is owned by its sender: the debit is persisted with the
 * transfer in the account's outbox, the credit is then asked of the receiver's account under the
 * transfer's id (which applies it once, however often it is asked), and the receiver's
 * confirmation is persisted in turn. The sender replies once the receiver has the money. A
 * credit not confirmed is asked again after {@code retryAfter}, and every outbox entry again
 * whenever the account recovers, so a crash between the two halves delays a transfer but never
 * loses or doubles it.
 */
public final class AccountEntity
    extends EventSourcedBehaviorWithEnforcedReplies<AccountEntity.Command, AccountEvent, Account> {

  /** The persistence id prefix (and sharded entity type name) of accounts. */
  public static final String TYPE = LedgerJournal.ACCOUNT;

  /** What an account accepts. */
  public sealed interface Command {}

  /** Applies {@code command}; replies with the balances, or an error naming the reason. */
  public record Execute(AccountCommand command, ActorRef<StatusReply<Balance>> replyTo) implements Command {}

  /** Replies with the balances. */
  public record GetBalance(ActorRef<Balance> replyTo) implements Command {}

  /** An account's balances at the moment of the reply. */
  public record Balance(String coldkey, long free, SortedMap<StakeKey, Long> stakes) {}

  // Private messages are sent only to this actor itself, so they have no codec; the marker keeps
  // serialize-messages test runs from checking them.
  private record CreditAnswered(String transferId, String failure) implements Command, NoSerializationVerificationNeeded {}

  private enum Redeliver implements Command, NoSerializationVerificationNeeded {
    INSTANCE
  }

  private final String coldkey;
  private final Accounts accounts;
  private final Duration retryAfter;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Map<String, List<ActorRef<StatusReply<Balance>>>> awaitingDelivery = new HashMap<>();

  private AccountEntity(
      String coldkey, Accounts accounts, Duration retryAfter, ActorContext<Command> context, TimerScheduler<Command> timers) {
    super(PersistenceId.of(TYPE, coldkey));
    this.coldkey = coldkey;
    this.accounts = accounts;
    this.retryAfter = retryAfter;
    this.context = context;
    this.timers = timers;
  }

  /**
   * The behaviour of the account of {@code coldkey}, which delivers the credits of its transfers
   * to the receivers' accounts through {@code accounts}.
   */
  public static Behavior<Command> create(String coldkey, Accounts accounts, Duration retryAfter) {
    return Behaviors.setup(
        context -> Behaviors.withTimers(timers -> new AccountEntity(coldkey, accounts, retryAfter, context, timers)));
  }

  @Override
  public Account emptyState() {
    return new Account(coldkey);
  }

  @Override
  public CommandHandlerWithReply<Command, AccountEvent, Account> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Execute.class, this::onExecute)
        .onCommand(GetBalance.class, (account, get) -> Effect().reply(get.replyTo(), balance(account)))
        .onCommand(CreditAnswered.class, this::onCreditAnswered)
        .onCommand(
            Redeliver.class,
            (account, redeliver) -> {
              deliverAll(account);
              return Effect().noReply();
            })
        .build();
  }

  private ReplyEffect<AccountEvent, Account> onExecute(Account account, Execute execute) {
    AccountCommand command = execute.command();
    Decision<AccountEvent> decision = account.decide(command);
    if (decision instanceof Decision.Reject<AccountEvent> reject) {
      return Effect().reply(execute.replyTo(), StatusReply.error(reject.reason()));
    }
    if (!(command instanceof SendTransfer send)) {
      return decision instanceof Decision.Accept<AccountEvent> accept
          ? Effect().persist(accept.events()).thenReply(execute.replyTo(), updated -> StatusReply.success(balance(updated)))
          : Effect().reply(execute.replyTo(), StatusReply.success(balance(account)));
    }
    if (decision instanceof Decision.Accept<AccountEvent> accept) {
      awaitDelivery(send.operationId(), execute.replyTo());
      TransferredOut sent = (TransferredOut) accept.events().get(0);
      return Effect().persist(accept.events()).thenRun(updated -> deliver(updated, sent)).thenNoReply();
    }
    // a repeat: answered now if the receiver already has it, else once it confirms
    if (account.isUndelivered(send.operationId())) {
      awaitDelivery(send.operationId(), execute.replyTo());
      return Effect().noReply();
    }
    return Effect().reply(execute.replyTo(), StatusReply.success(balance(account)));
  }

  private ReplyEffect<AccountEvent, Account> onCreditAnswered(Account account, CreditAnswered answer) {
    if (answer.failure() != null) {
      context.getLog().warn("credit of transfer {} not confirmed ({}); asking again in {}", answer.transferId(), answer.failure(), retryAfter);
      timers.startSingleTimer(Redeliver.INSTANCE, retryAfter);
      return Effect().noReply();
    }
    Decision<AccountEvent> decision = account.decideDelivered(answer.transferId());
    if (decision instanceof Decision.Accept<AccountEvent> accept) {
      return Effect().persist(accept.events()).thenRun(updated -> answerAwaiting(updated, answer.transferId())).thenNoReply();
    }
    return Effect().noReply();
  }

  private void deliverAll(Account account) {
    account.undelivered().forEach(sent -> deliver(account, sent));
  }

  private void deliver(Account account, TransferredOut sent) {
    context.pipeToSelf(
        accounts.execute(sent.to(), account.creditFor(sent)),
        (reply, failure) ->
            new CreditAnswered(
                sent.operationId(), failure != null ? failure.toString() : reply.isError() ? reply.getError().getMessage() : null));
  }

  private void awaitDelivery(String transferId, ActorRef<StatusReply<Balance>> replyTo) {
    awaitingDelivery.computeIfAbsent(transferId, id -> new ArrayList<>()).add(replyTo);
  }

  private void answerAwaiting(Account account, String transferId) {
    List<ActorRef<StatusReply<Balance>>> waiting = awaitingDelivery.remove(transferId);
    if (waiting != null) {
      StatusReply<Balance> answer = StatusReply.success(balance(account));
      waiting.forEach(replyTo -> replyTo.tell(answer));
    }
  }

  @Override
  public SignalHandler<Account> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::deliverAll).build();
  }

  @Override
  public EventHandler<Account, AccountEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(Account::apply);
  }

  /** Snapshots store an immutable copy, taken on the actor's thread, never the live state. */
  @Override
  public SnapshotAdapter<Account> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(Account account) {
        return account.snapshot();
      }

      @Override
      public Account fromJournal(Object stored) {
        return Account.restore((Account.Snapshot) stored);
      }
    };
  }

  /**
   * A snapshot holds every idempotency key the account applied, so its cost grows with the
   * account's history; every 1,000 events keeps that small beside the events, and a recovery
   * replays at most 1,000 events.
   */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(1_000, 2);
  }

  private static Balance balance(Account account) {
    return new Balance(account.coldkey(), account.free(), account.stakes());
  }
}
