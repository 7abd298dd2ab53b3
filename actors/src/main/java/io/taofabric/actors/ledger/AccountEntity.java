package io.taofabric.actors.ledger;

import io.taofabric.core.ledger.Account;
import io.taofabric.persistence.ledger.LedgerJournal;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.ledger.StakeKey;
import java.util.SortedMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One coldkey's account: the journal of record for its balances. Every rule lives in fabric-core's
 * {@link Account}; this shell persists what it decides and replies to every command.
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

  private final String coldkey;

  private AccountEntity(String coldkey) {
    super(PersistenceId.of(TYPE, coldkey));
    this.coldkey = coldkey;
  }

  /** The behaviour of the account of {@code coldkey}. */
  public static Behavior<Command> create(String coldkey) {
    return new AccountEntity(coldkey);
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
        .build();
  }

  private ReplyEffect<AccountEvent, Account> onExecute(Account account, Execute execute) {
    Decision<AccountEvent> decision = account.decide(execute.command());
    if (decision instanceof Decision.Accept<AccountEvent> accept) {
      return Effect()
          .persist(accept.events())
          .thenReply(execute.replyTo(), updated -> StatusReply.success(balance(updated)));
    }
    if (decision instanceof Decision.Reject<AccountEvent> reject) {
      return Effect().reply(execute.replyTo(), StatusReply.error(reject.reason()));
    }
    return Effect().reply(execute.replyTo(), StatusReply.success(balance(account)));
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

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }

  private static Balance balance(Account account) {
    return new Balance(account.coldkey(), account.free(), account.stakes());
  }
}
