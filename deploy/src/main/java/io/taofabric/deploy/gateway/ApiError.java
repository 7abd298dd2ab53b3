package io.taofabric.deploy.gateway;

import io.taofabric.core.tx.Verification.Refused;
import java.util.Locale;

/**
 * An error the gateway answers with: the HTTP status, a reason for programs (lower snake case),
 * a message for people, and for 429 and some 503 answers how many seconds to wait before trying
 * again. Every error leaves the network as it was.
 *
 * @param status the HTTP status
 * @param reason what went wrong, e.g. {@code bad_signature}, {@code insufficient_balance}
 * @param message one line naming the problem
 * @param retryAfterSeconds the Retry-After header's value; 0 for none
 */
public record ApiError(int status, String reason, String message, long retryAfterSeconds) {
  /** Validates the status and the reason's spelling. */
  public ApiError {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an error status is 4xx or 5xx, got " + status);
    }
    if (!reason.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("a reason is lower snake case, got " + reason);
    }
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retry after must not be negative, got " + retryAfterSeconds);
    }
  }

  /** An error without a retry time. */
  public static ApiError of(int status, String reason, String message) {
    return new ApiError(status, reason, message, 0);
  }

  /**
   * The verifier's refusal: its reason by name, its status by category, and for a rate limit the
   * wait rounded up to whole seconds.
   */
  public static ApiError of(Refused refused) {
    long retryAfter = (refused.retryAfterMicros() + 999_999) / 1_000_000;
    return new ApiError(
        refused.refusal().category().httpStatus(), refused.refusal().name().toLowerCase(Locale.ROOT), refused.message(), retryAfter);
  }

  /** 400: the request cannot be read. */
  public static ApiError malformed(String message) {
    return of(400, "malformed", message);
  }

  /** 404: no subnet {@code netuid}. */
  public static ApiError unknownSubnet(int netuid) {
    return of(404, "unknown_subnet", "subnet " + netuid + " does not exist");
  }

  /** 503: an entity did not answer in time; {@code message} says what the client may do. */
  public static ApiError noAnswer(String message) {
    return of(503, "no_answer", message);
  }
}
