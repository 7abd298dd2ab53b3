package io.taofabric.core.ledger;

import io.taofabric.core.ledger.TransferEvent.TransferCompleted;
import io.taofabric.core.ledger.TransferEvent.TransferDebited;
import io.taofabric.core.ledger.TransferEvent.TransferFailed;
import io.taofabric.core.ledger.TransferEvent.TransferRequested;

/**
 * One transfer's saga: requested, then debited from the sender, then credited to the receiver, or
 * failed when the sender's account refuses. Both account operations carry the transfer's id, so
 * resending either after a crash never moves money twice; the credit cannot be refused in a
 * consistent ledger (the amount is within the supply), so a debited transfer always completes.
 */
public final class Transfer {
  /** Where the saga stands. */
  public enum Stage {
    NEW,
    REQUESTED,
    DEBITED,
    COMPLETED,
    FAILED
  }

  private Stage stage = Stage.NEW;
  private TransferRequest request;
  private String failure;

  /** Asking for {@code r}: accepted once; the same request again is a repeat; another is refused. */
  public Decision<TransferEvent> decideRequest(TransferRequest r) {
    if (stage == Stage.NEW) {
      return Decision.accept(new TransferRequested(r));
    }
    if (request.equals(r)) {
      return new Decision.AlreadyApplied<>();
    }
    return Decision.reject("transfer id " + r.id() + " is already used by another transfer");
  }

  /** The sender's account answered the debit: applied, or refused for {@code refusal}. */
  public Decision<TransferEvent> decideDebitAnswer(String refusal) {
    if (stage != Stage.REQUESTED) {
      return new Decision.AlreadyApplied<>();
    }
    return refusal == null
        ? Decision.accept(new TransferDebited(request.id()))
        : Decision.accept(new TransferFailed(request.id(), refusal));
  }

  /** The receiver's account applied the credit. */
  public Decision<TransferEvent> decideCredited() {
    if (stage != Stage.DEBITED) {
      return new Decision.AlreadyApplied<>();
    }
    return Decision.accept(new TransferCompleted(request.id()));
  }

  /** Folds an event in. */
  public Transfer apply(TransferEvent event) {
    if (event instanceof TransferRequested r) {
      request = r.request();
      stage = Stage.REQUESTED;
    } else if (event instanceof TransferDebited) {
      stage = Stage.DEBITED;
    } else if (event instanceof TransferCompleted) {
      stage = Stage.COMPLETED;
    } else if (event instanceof TransferFailed f) {
      failure = f.reason();
      stage = Stage.FAILED;
    }
    return this;
  }

  /** Where the saga stands. */
  public Stage stage() {
    return stage;
  }

  /** The request, or null before one. */
  public TransferRequest request() {
    return request;
  }

  /** Why the sender's account refused, for a failed transfer. */
  public String failure() {
    return failure;
  }
}
