package io.taofabric.actors.ledger;

import io.taofabric.core.ledger.AccountCommand;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.pattern.StatusReply;

/** How other entities reach accounts: by coldkey, wherever the account runs. */
public interface Accounts {
  /** Sends {@code command} to the account of {@code coldkey}; completes with its reply. */
  CompletionStage<StatusReply<AccountEntity.Balance>> execute(String coldkey, AccountCommand command);
}
