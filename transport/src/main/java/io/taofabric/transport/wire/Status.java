package io.taofabric.transport.wire;

/** The outcome of one miner's part of a query, as the miner reports it or the validator observes it. */
public enum Status {
  /** The miner's model answered. */
  OK(0),
  /** No answer before the deadline (observed by the validator). */
  TIMEOUT(1),
  /** The miner's queue was full and better-staked callers came first. */
  OVERLOADED(2),
  /** The miner's model failed on this query. */
  MODEL_ERROR(3),
  /** The miner refused the request; the {@link RejectReason} says why. */
  REJECTED(4),
  /** The validator could not hand the request to this miner's connection before the deadline. */
  UNREACHABLE(5);

  private static final Status[] BY_CODE = values();

  private final int code;

  Status(int code) {
    this.code = code;
  }

  /** The byte on the wire. */
  public int code() {
    return code;
  }

  /** The status of a wire byte; only the statuses a miner sends are valid there. */
  static Status ofWire(int code) {
    if (code < 0 || code > REJECTED.code) {
      throw new MalformedFrameException("unknown status " + code);
    }
    return BY_CODE[code];
  }
}
