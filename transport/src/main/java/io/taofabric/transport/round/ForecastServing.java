package io.taofabric.transport.round;

import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.TaskCodecs;
import io.taofabric.transport.miner.Model;

/** A fabric-core forecaster as a miner endpoint's model: the task's payload codecs on either side. */
public final class ForecastServing {
  private ForecastServing() {}

  /**
   * Decodes each query, asks {@code forecaster}, encodes its answer. A malformed query or a failing
   * forecaster throws, which the endpoint reports as a model error.
   */
  public static Model model(io.taofabric.core.model.Model<ForecastQuery, ForecastAnswer> forecaster) {
    return query -> TaskCodecs.FORECAST_ANSWER.encode(forecaster.answer(TaskCodecs.FORECAST_QUERY.decode(query)));
  }
}
