package io.taofabric.core.crypto;

import java.util.function.LongSupplier;

/**
 * A caller's nonces: strictly increasing, and never below the wall clock in microseconds, so a
 * restarted validator does not reuse nonces its miners' windows have already seen. Thread-safe.
 */
public final class NonceSource {
  private final LongSupplier epochMicros;
  private long last;

  /** Nonces at or above {@code epochMicros}. */
  public NonceSource(LongSupplier epochMicros) {
    this.epochMicros = epochMicros;
  }

  /** The next nonce: above every one handed out before. */
  public synchronized long next() {
    last = Math.max(last + 1, epochMicros.getAsLong());
    return last;
  }
}
