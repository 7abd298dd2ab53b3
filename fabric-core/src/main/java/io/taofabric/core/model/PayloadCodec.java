package io.taofabric.core.model;

/**
 * Turns one kind of query or answer into the opaque bytes the transport carries, and back. Every
 * payload starts with a format version and a kind byte, so a reader refuses bytes from a newer format
 * or of another kind instead of misreading them; lengths are bounded before anything is allocated.
 */
public interface PayloadCodec<T> {
  /** The payload of {@code value}. */
  byte[] encode(T value);

  /** The value in {@code payload}, or why it is not one. */
  T decode(byte[] payload) throws MalformedPayloadException;
}
