package io.taofabric.core.tx;

/**
 * Why a gateway refuses a signed transaction, each reason with the category of HTTP status it maps
 * to, so the gateway picks the status from the reason, never from a message's text.
 */
public enum Refusal {
  /**
   * The request is no transaction: its fields or bytes do not parse (a record's constructor or
   * {@link SignedTransaction#decode} threw {@link IllegalArgumentException}).
   */
  MALFORMED(Category.BAD_REQUEST),
  /** The nonce is older than the freshness window: a replay, or the client's clock is behind. */
  STALE_NONCE(Category.UNAUTHORIZED),
  /** The nonce is ahead of the freshness window: the client's clock is ahead. */
  FUTURE_NONCE(Category.UNAUTHORIZED),
  /** The signature is not the signer's over the canonical bytes. */
  BAD_SIGNATURE(Category.UNAUTHORIZED),
  /**
   * The signer is authentic but is not the key this transaction needs: not a hotkey registered in
   * the subnet (endpoint, weights), or not the subnet owner's coldkey (hyperparameters).
   */
  WRONG_SIGNER(Category.FORBIDDEN),
  /** The signer has sent more transactions than its rate limit allows; retry later. */
  RATE_LIMITED(Category.TOO_MANY_REQUESTS);

  private final Category category;

  Refusal(Category category) {
    this.category = category;
  }

  /** The kind of HTTP status this refusal maps to. */
  public Category category() {
    return category;
  }

  /** Kinds of refusal, by the HTTP status that fits each. */
  public enum Category {
    /** The request cannot be a transaction (400). */
    BAD_REQUEST(400),
    /** The request is not authenticated: signature or nonce (401). */
    UNAUTHORIZED(401),
    /** The signer is authenticated but may not do this (403). */
    FORBIDDEN(403),
    /** The signer must slow down (429, with a Retry-After). */
    TOO_MANY_REQUESTS(429);

    private final int httpStatus;

    Category(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    /** The HTTP status code. */
    public int httpStatus() {
      return httpStatus;
    }
  }
}
