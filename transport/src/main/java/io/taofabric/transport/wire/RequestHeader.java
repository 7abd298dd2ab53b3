package io.taofabric.transport.wire;

/**
 * A request's header, everything before its body.
 *
 * @param caller the caller's hotkey (hex)
 * @param callerRaw its 32 raw bytes
 * @param nonce the caller's nonce, also the request id its responses carry
 * @param deadlineMs when the caller stops waiting, epoch milliseconds
 * @param replyChannel the Aeron channel the caller reads responses on
 * @param replyStreamId the stream id of that channel
 * @param bodyHash the SHA-256 of the body
 * @param signature the caller's Ed25519 signature of the header bytes before it
 * @param signedLength how many leading frame bytes the signature covers
 */
public record RequestHeader(
    String caller,
    byte[] callerRaw,
    long nonce,
    long deadlineMs,
    String replyChannel,
    int replyStreamId,
    byte[] bodyHash,
    byte[] signature,
    int signedLength) {}
