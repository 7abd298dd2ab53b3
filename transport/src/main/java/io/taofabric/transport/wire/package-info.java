/**
 * The query wire format, written with Kryo's {@code Output} and read with its {@code Input}.
 *
 * <p>Request (version 1), fixed fields in this order:
 *
 * <pre>
 * version u8 | caller hotkey 32 raw bytes | nonce i64 | deadline epoch ms i64 | reply stream id i32
 *   | reply channel (Kryo string) | body SHA-256 32 bytes     ← the caller signs all of the above
 *   | Ed25519 signature 64 bytes | body length (var int) | body
 * </pre>
 *
 * <p>Response (version 1):
 *
 * <pre>
 * version u8 | status u8 | reject reason u8 | miner hotkey 32 | request id (the nonce) i64
 *   | miner-side latency ns i64 | body SHA-256 32             ← the miner signs all of the above
 *   | Ed25519 signature 64 | body length (var int) | body
 * </pre>
 *
 * <p>The signature covers the whole header, not only the body hash, so a nonce, deadline or reply
 * address cannot be swapped under a captured signature. A receiver decodes and checks the header
 * (version, caller, nonce, signature) before it reads the body.
 */
package io.taofabric.transport.wire;
