package io.taofabric.transport.miner;

/**
 * The miner's model as the transport sees it: opaque query bytes in, answer bytes out. Kept this small
 * on purpose; fabric-core's task-typed model SPI ({@code io.taofabric.core.model}) plugs in through a
 * payload codec on each side, e.g. {@code q -> answers.encode(model.answer(queries.decode(q)))}.
 */
@FunctionalInterface
public interface Model {
  /**
   * The answer to {@code query}. Any exception is reported to the caller as {@link
   * io.taofabric.transport.wire.Status#MODEL_ERROR}; the endpoint keeps serving.
   */
  byte[] answer(byte[] query) throws Exception;
}
