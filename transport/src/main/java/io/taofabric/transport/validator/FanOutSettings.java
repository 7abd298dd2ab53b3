package io.taofabric.transport.validator;

/**
 * Where a validator reads replies, and its frame bound.
 *
 * @param replyChannel the Aeron channel miners reply on, e.g. {@code aeron:udp?endpoint=10.0.0.1:40500}
 * @param replyStreamId its stream id
 * @param maxFrameBytes the largest request or reply frame; larger replies are dropped and counted
 */
public record FanOutSettings(String replyChannel, int replyStreamId, int maxFrameBytes) {
  /** Replies on {@code channel}/{@code streamId}, 8 KiB frames. */
  public static FanOutSettings of(String channel, int streamId) {
    return new FanOutSettings(channel, streamId, 8 * 1024);
  }
}
