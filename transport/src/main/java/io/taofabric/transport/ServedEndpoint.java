package io.taofabric.transport;

import io.taofabric.transport.miner.MinerSettings;
import io.taofabric.transport.validator.MinerTarget;

/**
 * A miner's served {@code host:port} (what the metagraph holds) as an Aeron address: UDP unicast to
 * it, on the one stream every miner listens on. The metagraph carries no stream id, so the stream is
 * a convention of the network, like the port of a well-known service.
 */
public final class ServedEndpoint {
  /** The stream every miner endpoint receives requests on. */
  public static final int STREAM_ID = 1_001;

  private ServedEndpoint() {}

  /** The channel of {@code endpoint}, {@code host:port}. */
  public static String channel(String endpoint) {
    return "aeron:udp?endpoint=" + endpoint;
  }

  /** How a miner serving at {@code endpoint} listens. */
  public static MinerSettings listening(String endpoint) {
    return MinerSettings.of(channel(endpoint), STREAM_ID);
  }

  /** The miner {@code hotkey} serving at {@code endpoint}, as a validator addresses it. */
  public static MinerTarget target(String hotkey, String endpoint) {
    return new MinerTarget(hotkey, channel(endpoint), STREAM_ID);
  }
}
