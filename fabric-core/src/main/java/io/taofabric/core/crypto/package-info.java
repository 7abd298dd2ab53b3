/**
 * Signing and replay protection for the query path, on BouncyCastle's Ed25519 (RFC 8032; JDK 17's
 * provider made signatures most of the cost of a query round) and the JDK's SHA-256: hotkeys
 * ({@link io.taofabric.core.crypto.Hotkeys}), key pairs that sign ({@link
 * io.taofabric.core.crypto.SigningKey}), verification ({@link io.taofabric.core.crypto.Signatures}),
 * body hashes ({@link io.taofabric.core.crypto.BodyHash}) and per-caller nonce windows ({@link
 * io.taofabric.core.crypto.NonceWindow}, {@link io.taofabric.core.crypto.NonceSource}).
 */
package io.taofabric.core.crypto;
