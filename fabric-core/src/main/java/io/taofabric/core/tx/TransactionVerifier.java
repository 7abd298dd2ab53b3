package io.taofabric.core.tx;

import io.taofabric.core.tx.Transaction.OnSubnet;
import io.taofabric.core.tx.Transaction.SetHyperparameter;
import io.taofabric.core.tx.Verification.Accepted;
import io.taofabric.core.tx.Verification.Refused;

/**
 * What a gateway checks of a signed transaction before any entity sees it, in this order:
 *
 * <ol>
 *   <li>the nonce is fresh ({@link NonceFreshness}): the cheapest check first;
 *   <li>the signature is the signer's over the canonical bytes;
 *   <li>the signer holds the role the transaction needs ({@link KeyDirectory}): a hotkey
 *       registered in the subnet for endpoints and weights, the owner's coldkey for
 *       hyperparameters; any coldkey may spend its own money;
 *   <li>the signer is within its rate limit ({@link SignerRateLimiter}).
 * </ol>
 *
 * <p>The rate limit comes last so that only transactions that would otherwise be accepted spend a
 * token: anyone can resend a signer's old, stale transactions or forge ones in its name, and
 * neither may use up the signer's allowance. Floods of unsigned or badly signed requests are the
 * gateway's to limit by connection, before this. Thread-safe; the clock is passed in.
 */
public final class TransactionVerifier {
  private final NonceFreshness freshness;
  private final SignerRateLimiter rateLimiter;

  /** A verifier with its own per-signer rate limiter. */
  public TransactionVerifier(NonceFreshness freshness, RateLimit rateLimit) {
    this.freshness = freshness;
    this.rateLimiter = new SignerRateLimiter(rateLimit);
  }

  /**
   * The verdict on {@code transaction} at {@code nowMicros} (the verifier's clock, microseconds
   * since the epoch), with the roles {@code keys} knows. Only an accepted transaction spends a
   * token of the signer's rate limit.
   */
  public Verification verify(SignedTransaction transaction, long nowMicros, KeyDirectory keys) {
    Refusal stale = freshness.refusal(transaction.nonce(), nowMicros);
    if (stale != null) {
      long skewSeconds = (transaction.nonce() - nowMicros) / 1_000_000;
      return new Refused(
          stale,
          "nonce " + transaction.nonce() + " is " + Math.abs(skewSeconds) + " s "
              + (stale == Refusal.STALE_NONCE ? "behind" : "ahead of") + " the gateway's clock, more than the "
              + freshness.toleranceMicros() / 1_000_000 + " s allowed: sign again (and check the clock)",
          0);
    }
    if (!transaction.verify()) {
      return new Refused(Refusal.BAD_SIGNATURE, "the signature is not " + transaction.signer() + "'s", 0);
    }
    String wrongSigner = wrongSigner(transaction, keys);
    if (wrongSigner != null) {
      return new Refused(Refusal.WRONG_SIGNER, wrongSigner, 0);
    }
    long retryAfter = rateLimiter.acquire(transaction.signer(), nowMicros);
    if (retryAfter > 0) {
      return new Refused(
          Refusal.RATE_LIMITED, transaction.signer() + " sends too many transactions: retry later", retryAfter);
    }
    return new Accepted(transaction);
  }

  /** How many signers the rate limiter holds a bucket for; for a gateway's metrics. */
  public int rateLimitedSigners() {
    return rateLimiter.trackedSigners();
  }

  private static String wrongSigner(SignedTransaction signed, KeyDirectory keys) {
    Transaction transaction = signed.transaction();
    String signer = signed.signer();
    if (transaction instanceof SetHyperparameter t) {
      String owner = keys.subnetOwner(t.netuid());
      if (owner == null) {
        return "subnet " + t.netuid() + " does not exist";
      }
      return owner.equals(signer)
          ? null
          : "only subnet " + t.netuid() + "'s owner coldkey sets its hyperparameters, not " + signer;
    }
    if (transaction.signerRole() == SignerRole.HOTKEY) {
      int netuid = ((OnSubnet) transaction).netuid();
      return keys.isRegistered(netuid, signer)
          ? null
          : "the signer " + signer + " must be a hotkey registered in subnet " + netuid;
    }
    return null;
  }
}
