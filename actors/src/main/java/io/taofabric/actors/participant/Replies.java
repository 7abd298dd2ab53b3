package io.taofabric.actors.participant;

import org.apache.pekko.pattern.StatusReply;

/** Reading a subnet's answer. */
final class Replies {
  private Replies() {}

  /** Why the subnet refused, or did not answer; null when it acknowledged. */
  static String refusal(StatusReply<?> reply, Throwable failure) {
    if (failure != null) {
      return "no answer: " + failure.getMessage();
    }
    return reply.isError() ? reply.getError().getMessage() : null;
  }
}
