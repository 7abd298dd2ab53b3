/**
 * The model SPI: a miner's model is a task-typed function from a query to an answer ({@link
 * io.taofabric.core.model.Model}), so existing models plug in through an adapter instead of being
 * rewritten. The transport carries opaque bytes; {@link io.taofabric.core.model.TaskCodecs} turns each
 * task's queries and answers into versioned, bounded payloads and refuses malformed ones with a reason.
 */
package io.taofabric.core.model;
