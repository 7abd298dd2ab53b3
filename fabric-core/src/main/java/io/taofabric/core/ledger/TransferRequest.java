package io.taofabric.core.ledger;

import io.taofabric.core.emission.BlockEmission;

/**
 * A transfer of free balance between two coldkeys, as a client asks for it. Its id is the
 * idempotency key of both halves: the sender's debit and the receiver's credit.
 */
public record TransferRequest(String id, String from, String to, long amount, long block) {
  /** Validates the request; a violation names the field. */
  public TransferRequest {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("transfer id is empty");
    }
    if (from == null || from.isBlank() || to == null || to.isBlank()) {
      throw new IllegalArgumentException("transfer " + id + " lacks a sender or receiver");
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("transfer " + id + " sends to its own sender");
    }
    if (amount <= 0 || amount > BlockEmission.MAX_SUPPLY_RAO) {
      throw new IllegalArgumentException("transfer " + id + " amount must be in [1, 21M TAO] rao, got " + amount);
    }
    if (block < 0) {
      throw new IllegalArgumentException("transfer " + id + " block is negative");
    }
  }

  /** What the sender's account is asked to do: debit, then deliver the credit to {@code to}. */
  public AccountCommand.SendTransfer send() {
    return new AccountCommand.SendTransfer(id, to, amount, block);
  }
}
