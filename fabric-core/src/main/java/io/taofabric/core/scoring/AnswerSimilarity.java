package io.taofabric.core.scoring;

/** Whether two answers to the same query are too close to have been produced independently. */
@FunctionalInterface
public interface AnswerSimilarity<Q, A> {
  boolean nearlyIdentical(Q query, A first, A second);
}
