package io.taofabric.transport.validator;

/**
 * A miner as a validator addresses it: the hotkey its answers must be signed by, and its endpoint.
 *
 * @param hotkey the miner's hotkey (hex)
 * @param channel the Aeron channel of its endpoint
 * @param streamId the stream id of its endpoint
 */
public record MinerTarget(String hotkey, String channel, int streamId) {}
