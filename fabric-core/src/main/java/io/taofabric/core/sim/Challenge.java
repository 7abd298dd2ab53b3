package io.taofabric.core.sim;

import io.taofabric.core.scoring.QualityScorer;
import java.util.Objects;

/** A query a validator sends, with the scorer it judges the answers by once it may. */
public record Challenge<Q, A>(Q query, QualityScorer<Q, A> scorer) {
  public Challenge {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(scorer, "scorer");
  }
}
