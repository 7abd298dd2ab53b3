package io.taofabric.core.tx;

import java.util.Objects;

/**
 * What {@link TransactionVerifier#verify} says of a signed transaction: accepted, so it may be
 * handed to an entity under its id, or refused with a reason.
 */
public sealed interface Verification {
  /**
   * The transaction passed every check.
   *
   * @param transaction the verified transaction
   */
  record Accepted(SignedTransaction transaction) implements Verification {
    /** Requires the transaction. */
    public Accepted {
      Objects.requireNonNull(transaction, "transaction");
    }

    /** The idempotency key the entity applies the transaction under: its {@linkplain SignedTransaction#id() id}. */
    public String operationId() {
      return transaction.id();
    }
  }

  /**
   * The transaction was refused and must not reach an entity.
   *
   * @param refusal why, which also gives the HTTP status ({@link Refusal#category()})
   * @param message one line for the client, naming the problem
   * @param retryAfterMicros for {@link Refusal#RATE_LIMITED}, how long until the signer may send
   *     again (positive); 0 for every other refusal, where resending the same request cannot help
   */
  record Refused(Refusal refusal, String message, long retryAfterMicros) implements Verification {
    /** Requires a reason and a message, and that only a rate limit says when to retry. */
    public Refused {
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(message, "message");
      if ((refusal == Refusal.RATE_LIMITED) != (retryAfterMicros > 0) || retryAfterMicros < 0) {
        throw new IllegalArgumentException(refusal + " with retry after " + retryAfterMicros + " micros");
      }
    }

    /** The refusal of a request that does not parse into a signed transaction: {@code problem} says why. */
    public static Refused malformed(IllegalArgumentException problem) {
      return new Refused(Refusal.MALFORMED, problem.getMessage(), 0);
    }
  }
}
