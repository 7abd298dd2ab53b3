package io.taofabric.persistence.serialization;

/** Stored or received bytes that do not decode: never silently replaced by a default. */
public final class CorruptPayloadException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  CorruptPayloadException(String message) {
    super(message);
  }

  CorruptPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
