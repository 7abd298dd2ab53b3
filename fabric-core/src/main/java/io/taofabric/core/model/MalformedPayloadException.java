package io.taofabric.core.model;

/** Bytes that are not a valid payload of the expected kind; the message says what is wrong. */
public final class MalformedPayloadException extends Exception {
  public MalformedPayloadException(String message) {
    super(message);
  }
}
