package io.taofabric.transport.miner;

/**
 * How a miner endpoint listens and how much it buffers.
 *
 * @param channel the Aeron channel requests arrive on, e.g. {@code aeron:udp?endpoint=10.0.0.5:40123}
 *     or {@code aeron:ipc}
 * @param streamId the stream id on that channel
 * @param queueCapacity requests admitted but not yet served; beyond it callers get OVERLOADED
 * @param workPerCycle requests served per duty cycle, so polling keeps up while the model is busy
 * @param maxFrameBytes the largest request or response frame; larger requests are dropped and counted
 */
public record MinerSettings(String channel, int streamId, int queueCapacity, int workPerCycle, int maxFrameBytes) {
  /** Validates the bounds. */
  public MinerSettings {
    if (queueCapacity <= 0 || workPerCycle <= 0 || maxFrameBytes < 256) {
      throw new IllegalArgumentException("queue, work per cycle and frame size must be positive (frames ≥ 256 B)");
    }
  }

  /** Listens on {@code channel}/{@code streamId} with a 64-request queue, 4 per cycle, 8 KiB frames. */
  public static MinerSettings of(String channel, int streamId) {
    return new MinerSettings(channel, streamId, 64, 4, 8 * 1024);
  }

  /** These settings with another queue capacity and work per cycle. */
  public MinerSettings withQueue(int capacity, int perCycle) {
    return new MinerSettings(channel, streamId, capacity, perCycle, maxFrameBytes);
  }
}
