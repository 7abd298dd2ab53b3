package io.taofabric.transport.validator;

import io.taofabric.transport.wire.RejectReason;
import io.taofabric.transport.wire.Status;

/**
 * One miner's part of a fan-out round.
 *
 * @param hotkey the miner
 * @param status its answer's status, or TIMEOUT / UNREACHABLE as the validator saw it
 * @param reason why the miner refused, for REJECTED
 * @param minerLatencyNs the miner's own time from receipt to reply, -1 without a reply
 * @param answer the answer's bytes (empty unless OK)
 */
public record MinerResult(String hotkey, Status status, RejectReason reason, long minerLatencyNs, byte[] answer) {}
