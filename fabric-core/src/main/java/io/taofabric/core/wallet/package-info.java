/**
 * btcli-style wallets on disk: a directory per wallet with a password-encrypted coldkey, its public
 * half in {@code coldkeypub.txt}, and plain hotkeys ({@link io.taofabric.core.wallet.Wallets},
 * {@link io.taofabric.core.wallet.Wallet}). JDK cryptography only (PBKDF2-HMAC-SHA256, AES-256-GCM);
 * files written atomically and owner-only; strict, versioned text formats, so a damaged file is an
 * error ({@link io.taofabric.core.wallet.KeyFileException}), never a half-loaded key.
 */
package io.taofabric.core.wallet;
