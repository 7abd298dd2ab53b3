package io.taofabric.transport.wire;

/**
 * A response's header, everything before its body.
 *
 * @param status the outcome
 * @param reason why, when the status is {@link Status#REJECTED}
 * @param miner the miner's hotkey (hex)
 * @param requestId the request's nonce
 * @param minerLatencyNs from the miner's receipt of the request to this response
 * @param bodyHash the SHA-256 of the body
 * @param signature the miner's Ed25519 signature of the header bytes before it
 * @param signedLength how many leading frame bytes the signature covers
 */
public record ResponseHeader(
    Status status,
    RejectReason reason,
    String miner,
    long requestId,
    long minerLatencyNs,
    byte[] bodyHash,
    byte[] signature,
    int signedLength) {}
