package io.taofabric.deploy.gateway;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an entity's refusal means for a client. Entities refuse with a sentence (their rule book's
 * reason, {@code StatusReply.error}); the gateway names the common kinds so programs need not parse
 * it, and answers 409 (refused by the rule book) unless a kind has a better status. A refusal no
 * rule names is {@code refused}, still 409. {@code EntityRefusalsTest} produces each sentence from
 * the rule book itself, so a reworded rule shows up there rather than as a silently vaguer answer.
 */
final class EntityRefusals {
  /** A kind: its reason and status, recognised by a pattern found in the sentence. */
  private record Kind(Pattern pattern, int status, String reason) {
    Kind(String regex, int status, String reason) {
      this(Pattern.compile(regex), status, reason);
    }
  }

  private static final List<Kind> KINDS =
      List.of(
          new Kind("insufficient free balance", 409, "insufficient_balance"),
          new Kind("^insufficient stake", 409, "insufficient_stake"),
          new Kind("; the next may come at block", 409, "weights_rate_limit"),
          new Kind("is already registered", 409, "already_registered"),
          new Kind("is not registered in subnet", 409, "not_registered"),
          new Kind("is stale: the subnet is at block", 409, "stale_block"),
          new Kind("^only the owner coldkey", 403, "not_owner"),
          new Kind("^subnet \\d+ does not exist", 404, "unknown_subnet"),
          // a saga's account step that got no answer: nothing was applied and it may be asked again
          new Kind("^no answer: ", 503, "no_answer"));

  private EntityRefusals() {}

  /** The error for an entity's refusal {@code message}. */
  static ApiError classify(String message) {
    for (Kind kind : KINDS) {
      if (kind.pattern().matcher(message).find()) {
        return ApiError.of(kind.status(), kind.reason(), message);
      }
    }
    return ApiError.of(409, "refused", message);
  }
}
