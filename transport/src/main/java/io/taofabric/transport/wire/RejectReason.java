package io.taofabric.transport.wire;

/** Why a miner refused a request; {@link #NONE} for every other status. */
public enum RejectReason {
  /** Not a rejection. */
  NONE,
  /** The caller is not a validator with a permit on this miner's subnet. */
  NOT_PERMITTED,
  /** The nonce is at or below the caller's window. */
  STALE_NONCE,
  /** The nonce was already used. */
  REPLAYED_NONCE,
  /** The signature is not the caller's over this header. */
  BAD_SIGNATURE,
  /** The body does not hash to the signed body hash. */
  BODY_MISMATCH,
  /** The deadline had passed when the request arrived. */
  EXPIRED;

  private static final RejectReason[] BY_CODE = values();

  /** The byte on the wire. */
  public int code() {
    return ordinal();
  }

  static RejectReason ofWire(int code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new MalformedFrameException("unknown reject reason " + code);
    }
    return BY_CODE[code];
  }
}
