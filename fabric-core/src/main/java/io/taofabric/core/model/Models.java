package io.taofabric.core.model;

import java.util.Objects;
import java.util.function.Function;

/** Adapters that turn existing code into a {@link Model}. */
public final class Models {
  private Models() {}

  /**
   * A plain Java function as a model. A runtime exception from the function, or a null answer,
   * becomes a {@link ModelException}, so one faulty miner cannot break the caller's round.
   */
  public static <Q, A> Model<Q, A> function(Function<? super Q, ? extends A> function) {
    Objects.requireNonNull(function, "function");
    return query -> {
      A answer;
      try {
        answer = function.apply(query);
      } catch (RuntimeException e) {
        throw new ModelException("the model's function failed: " + e, e);
      }
      if (answer == null) {
        throw new ModelException("the model's function returned no answer");
      }
      return answer;
    };
  }
}
