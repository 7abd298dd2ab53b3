package io.taofabric.transport.wire;

/** A frame that is not a valid request or response of a known version; the receiver drops and counts it. */
public final class MalformedFrameException extends RuntimeException {
  /** A frame refused for {@code reason}. */
  public MalformedFrameException(String reason) {
    super(reason, null, false, false);
  }
}
