package io.taofabric.actors.ledger;

import io.taofabric.core.ledger.Account;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.Decision;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.pattern.StatusReply;

/** Accounts held in memory by the fabric-core rules, able to fail the next few calls on demand. */
public final class InMemoryAccounts implements Accounts {
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();

  /** Fails the next {@code times} calls as an unreachable journal would. */
  public void failNext(int times) {
    failNext.set(times);
  }

  /** Calls so far. */
  public int calls() {
    return calls.get();
  }

  /** The account of {@code coldkey}, created empty on first use. */
  public Account account(String coldkey) {
    return accounts.computeIfAbsent(coldkey, Account::new);
  }

  @Override
  public synchronized CompletionStage<StatusReply<AccountEntity.Balance>> execute(String coldkey, AccountCommand command) {
    calls.incrementAndGet();
    if (failNext.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
      return CompletableFuture.failedFuture(new IllegalStateException("journal unavailable"));
    }
    Account account = account(coldkey);
    Decision<AccountEvent> decision = account.decide(command);
    if (decision instanceof Decision.Reject<AccountEvent> reject) {
      return CompletableFuture.completedFuture(StatusReply.error(reject.reason()));
    }
    if (decision instanceof Decision.Accept<AccountEvent> accept) {
      accept.events().forEach(account::apply);
    }
    return CompletableFuture.completedFuture(
        StatusReply.success(new AccountEntity.Balance(coldkey, account.free(), account.stakes())));
  }
}
