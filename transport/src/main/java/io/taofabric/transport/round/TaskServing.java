package io.taofabric.transport.round;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.PayloadCodec;
import io.taofabric.core.model.TaskCodecs;
import io.taofabric.transport.miner.Model;

/** A fabric-core model as a miner endpoint's model: the task's payload codecs on either side. */
public final class TaskServing {
  private TaskServing() {}

  /** {@code forecaster} behind an endpoint of the forecasting task. */
  public static Model forecaster(io.taofabric.core.model.Model<ForecastQuery, ForecastAnswer> forecaster) {
    return serving(forecaster, TaskCodecs.FORECAST_QUERY, TaskCodecs.FORECAST_ANSWER);
  }

  /** {@code classifier} behind an endpoint of the classification task. */
  public static Model classifier(io.taofabric.core.model.Model<ClassificationQuery, ClassificationAnswer> classifier) {
    return serving(classifier, TaskCodecs.CLASSIFICATION_QUERY, TaskCodecs.CLASSIFICATION_ANSWER);
  }

  /**
   * Decodes each query, asks {@code model}, encodes its answer. A malformed query or a failing model
   * throws, which the endpoint reports as a model error.
   */
  private static <Q, A> Model serving(io.taofabric.core.model.Model<Q, A> model, PayloadCodec<Q> queries, PayloadCodec<A> answers) {
    return query -> answers.encode(model.answer(queries.decode(query)));
  }
}
