package io.taofabric.persistence.ledger;

import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.LedgerReplay;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.SettlementEvent;

/**
 * Journal events, whichever journal store they come from, folded into a {@link LedgerReplay}:
 * ledger journals (accounts, settlements) are folded, every other journal is skipped. Feed each
 * journal in its own order; journals may interleave. Not thread-safe.
 */
public final class LedgerFold {
  private static final String ACCOUNT_PREFIX = LedgerJournal.ACCOUNT + "|";
  private static final String SETTLEMENT_PREFIX = LedgerJournal.SETTLEMENT + "|";

  private final LedgerReplay replay;

  /** A fold of the events applied up to and including {@code toBlock}. */
  public LedgerFold(long toBlock) {
    this.replay = new LedgerReplay(toBlock);
  }

  /** Whether journal {@code persistenceId} holds ledger events (an account's or a settlement's). */
  public static boolean isLedgerJournal(String persistenceId) {
    return persistenceId.startsWith(ACCOUNT_PREFIX) || persistenceId.startsWith(SETTLEMENT_PREFIX);
  }

  /** Folds in the next event of journal {@code persistenceId}. */
  public void accept(String persistenceId, Object event) {
    if (!isLedgerJournal(persistenceId)) {
      return;
    }
    boolean account = persistenceId.startsWith(ACCOUNT_PREFIX);
    if (account && event instanceof AccountEvent e) {
      replay.account(persistenceId.substring(ACCOUNT_PREFIX.length()), e);
    } else if (!account && event instanceof SettlementEvent e) {
      replay.settlement(e);
    } else {
      throw new IllegalStateException(
          "journal " + persistenceId + " holds " + event.getClass().getName() + ", not a ledger event of its kind");
    }
  }

  /** The balances and the invariants over everything folded in. */
  public LedgerSummary finish() {
    return replay.finish();
  }
}
