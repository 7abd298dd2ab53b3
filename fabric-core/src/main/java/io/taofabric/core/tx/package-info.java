/**
 * Signed transactions: what a client sends the gateway to change the network, and the pure checks
 * the gateway makes before any entity sees one.
 *
 * <ul>
 *   <li>{@link io.taofabric.core.tx.Transaction}: the writes (transfer, stake, subnet creation,
 *       registration, endpoint, weights commit and reveal, hyperparameter), each validated on
 *       construction and naming the key that signs it ({@link io.taofabric.core.tx.SignerRole}).
 *   <li>{@link io.taofabric.core.tx.SignedTransaction}: signer, nonce, transaction and Ed25519
 *       signature over canonical bytes; its {@code id()} is the operation's idempotency key.
 *   <li>{@link io.taofabric.core.tx.TransactionVerifier}: freshness ({@link
 *       io.taofabric.core.tx.NonceFreshness}), signature, role ({@link
 *       io.taofabric.core.tx.KeyDirectory}) and per-signer rate limit ({@link
 *       io.taofabric.core.tx.SignerRateLimiter}, {@link io.taofabric.core.tx.TokenBucket}), answered
 *       as a {@link io.taofabric.core.tx.Verification} whose {@link io.taofabric.core.tx.Refusal}
 *       carries the HTTP status category.
 * </ul>
 */
package io.taofabric.core.tx;
