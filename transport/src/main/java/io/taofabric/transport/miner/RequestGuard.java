package io.taofabric.transport.miner;

import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.NonceWindow;
import io.taofabric.core.crypto.Signatures;
import io.taofabric.transport.wire.RejectReason;
import io.taofabric.transport.wire.RequestHeader;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A miner's checks on a request, cheapest first: permit, deadline, nonce, then the signature (the
 * costly one) on the header alone; only then the body against its signed hash, after which the nonce
 * is spent. A forged request therefore cannot burn a caller's nonces, and a caller without a permit
 * costs one map lookup. Not thread-safe: one endpoint owns it. Nonce windows and keys are kept only
 * for permitted callers, so the maps are bounded by the number of validators.
 */
public final class RequestGuard {
  /** The header checks passed ({@code reason == NONE}) with the caller's stake, or why not. */
  public record Admission(RejectReason reason, long stake) {}

  private final CallerPolicy policy;
  private final Map<String, NonceWindow> windows = new HashMap<>();
  private final Map<String, PublicKey> keys = new HashMap<>();

  /** A guard admitting the callers {@code policy} permits. */
  public RequestGuard(CallerPolicy policy) {
    this.policy = policy;
  }

  /**
   * Checks {@code header}, whose signed bytes are {@code signed[0, header.signedLength())}, without
   * touching the body.
   */
  public Admission admit(RequestHeader header, byte[] signed, long nowMs) {
    long stake = policy.permittedStake(header.caller());
    if (stake < 0) {
      return new Admission(RejectReason.NOT_PERMITTED, stake);
    }
    if (nowMs >= header.deadlineMs()) {
      return new Admission(RejectReason.EXPIRED, stake);
    }
    RejectReason nonce = nonceReason(windows.computeIfAbsent(header.caller(), k -> new NonceWindow()).check(header.nonce()));
    if (nonce != RejectReason.NONE) {
      return new Admission(nonce, stake);
    }
    PublicKey key = keys.computeIfAbsent(header.caller(), k -> Hotkeys.publicKey(header.callerRaw()));
    if (!Signatures.verify(key, signed, 0, header.signedLength(), header.signature())) {
      return new Admission(RejectReason.BAD_SIGNATURE, stake);
    }
    return new Admission(RejectReason.NONE, stake);
  }

  /** After {@link #admit}: checks the body against the signed hash and spends the nonce. */
  public RejectReason accept(RequestHeader header, byte[] body) {
    if (!Arrays.equals(BodyHash.sha256(body), header.bodyHash())) {
      return RejectReason.BODY_MISMATCH;
    }
    return nonceReason(windows.get(header.caller()).accept(header.nonce()));
  }

  private static RejectReason nonceReason(NonceWindow.Verdict verdict) {
    return switch (verdict) {
      case FRESH -> RejectReason.NONE;
      case STALE -> RejectReason.STALE_NONCE;
      case REPLAYED -> RejectReason.REPLAYED_NONCE;
    };
  }
}
