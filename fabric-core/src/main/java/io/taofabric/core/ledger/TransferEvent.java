package io.taofabric.core.ledger;

/** The steps of a transfer saga, each persisted before the next is taken. */
public sealed interface TransferEvent {
  /** The transfer's id. */
  String transferId();

  /** The transfer was asked for; the sender's debit comes next. */
  record TransferRequested(TransferRequest request) implements TransferEvent {
    @Override
    public String transferId() {
      return request.id();
    }
  }

  /** The sender's account debited the amount; the receiver's credit comes next. */
  record TransferDebited(String transferId) implements TransferEvent {}

  /** The receiver's account credited the amount; the transfer is done. */
  record TransferCompleted(String transferId) implements TransferEvent {}

  /** The sender's account refused the debit; nothing moved. */
  record TransferFailed(String transferId, String reason) implements TransferEvent {}
}
