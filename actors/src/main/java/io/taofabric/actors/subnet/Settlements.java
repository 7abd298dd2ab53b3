package io.taofabric.actors.subnet;

import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.pattern.StatusReply;

/** How a subnet hands an applied epoch to the ledger: the subnet's settlement record, wherever it runs. */
public interface Settlements {
  /** Settles {@code epoch}; completes once the ledger has persisted it (a repeat is acknowledged). */
  CompletionStage<StatusReply<Done>> settle(EpochSettled epoch);
}
