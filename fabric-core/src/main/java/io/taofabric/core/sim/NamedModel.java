package io.taofabric.core.sim;

import io.taofabric.core.model.Model;
import java.util.Objects;

/** A model with the name the report shows for the miner serving it. */
public record NamedModel<Q, A>(String name, Model<Q, A> model) {
  public NamedModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
  }
}
