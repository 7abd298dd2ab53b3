package io.taofabric.core.tx;

/**
 * Whether a transaction's nonce is fresh: the nonce is the client's clock in microseconds since the
 * epoch when it signed, and it must be within {@code toleranceMicros} of the verifier's clock,
 * either way. A captured transaction therefore stops being accepted once the window has passed, and
 * a client never has to remember a counter (its clock must be roughly right instead). Inside the
 * window the transaction's {@linkplain SignedTransaction#id() id} is what makes a replay harmless:
 * the entity applies an operation id once. Clients draw nonces from {@link
 * io.taofabric.core.crypto.NonceSource}, which never repeats one.
 *
 * @param toleranceMicros how far the nonce may be from the verifier's clock, either way
 */
public record NonceFreshness(long toleranceMicros) {
  /** Five minutes: room for unsynchronised laptop clocks and slow networks, short for a replay. */
  public static final NonceFreshness DEFAULT = new NonceFreshness(5 * 60 * 1_000_000L);

  /** The widest tolerance accepted: one day. */
  private static final long MAX_TOLERANCE_MICROS = 24 * 3_600 * 1_000_000L;

  /** Validates the tolerance. */
  public NonceFreshness {
    if (toleranceMicros < 0 || toleranceMicros > MAX_TOLERANCE_MICROS) {
      throw new IllegalArgumentException(
          "nonce tolerance must be in [0, " + MAX_TOLERANCE_MICROS + "] microseconds, got " + toleranceMicros);
    }
  }

  /**
   * Why {@code nonce} is refused at {@code nowMicros} ({@link Refusal#STALE_NONCE} or {@link
   * Refusal#FUTURE_NONCE}), or null when it is fresh.
   */
  public Refusal refusal(long nonce, long nowMicros) {
    if (nowMicros < 0) {
      throw new IllegalArgumentException("the clock reads before the epoch: " + nowMicros);
    }
    if (nonce < nowMicros - toleranceMicros) { // nowMicros >= 0: the difference cannot overflow
      return Refusal.STALE_NONCE;
    }
    return nonce - nowMicros > toleranceMicros ? Refusal.FUTURE_NONCE : null;
  }
}
