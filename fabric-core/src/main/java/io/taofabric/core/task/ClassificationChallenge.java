package io.taofabric.core.task;

import io.taofabric.core.model.ClassificationQuery;

/** A classification query as the validator holds it: the query miners see, and its label if known. */
public sealed interface ClassificationChallenge {
  /** What miners are sent; a canary and an ordinary query look alike. */
  ClassificationQuery query();

  /** A query whose label the validator knows: answers are scored for correctness. */
  record Canary(ClassificationQuery query, int label) implements ClassificationChallenge {}

  /** A query without a label: answers can only be scored for agreement with each other. */
  record Ordinary(ClassificationQuery query) implements ClassificationChallenge {}
}
