package io.taofabric.deploy;

/** How a command reports a failure: one line, from the exception that caused it. */
public final class Failures {
  private Failures() {}

  /** The first line of the message of {@code e}'s root cause. */
  public static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
