package io.taofabric.core.model;

/**
 * A miner's model for one task: answers a query. Implementations may block (an HTTP call, a large
 * model); the caller decides the deadline and treats a late answer as none.
 *
 * @param <Q> the task's query
 * @param <A> the task's answer
 */
@FunctionalInterface
public interface Model<Q, A> {
  /** The answer to {@code query}; a model that cannot answer says why with a {@link ModelException}. */
  A answer(Q query) throws ModelException;
}
