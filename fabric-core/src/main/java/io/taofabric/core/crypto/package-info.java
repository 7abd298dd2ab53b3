/**
 * Signing and replay protection for the query path, on the JDK's own Ed25519 and SHA-256: hotkeys
 * ({@link io.taofabric.core.crypto.Hotkeys}), key pairs that sign ({@link
 * io.taofabric.core.crypto.SigningKey}), verification ({@link io.taofabric.core.crypto.Signatures}),
 * body hashes ({@link io.taofabric.core.crypto.BodyHash}) and per-caller nonce windows ({@link
 * io.taofabric.core.crypto.NonceWindow}, {@link io.taofabric.core.crypto.NonceSource}).
 */
package io.taofabric.core.crypto;
