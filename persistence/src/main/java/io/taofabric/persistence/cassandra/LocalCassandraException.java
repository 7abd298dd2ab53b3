package io.taofabric.persistence.cassandra;

/** A local Cassandra node could not be started, stopped or inspected; the message says why. */
public final class LocalCassandraException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure whose message is meant for the person running the command. */
  public LocalCassandraException(String message) {
    super(message);
  }

  /** A failure with the exception that caused it. */
  public LocalCassandraException(String message, Throwable cause) {
    super(message, cause);
  }
}
