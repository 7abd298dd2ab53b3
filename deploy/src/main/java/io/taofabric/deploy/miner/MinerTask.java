package io.taofabric.deploy.miner;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import io.taofabric.transport.round.TaskServing;
import java.util.Locale;

/**
 * The tasks a subnet asks its miners, each with the query and answer types a model of it declares
 * ({@code Model<ForecastQuery, ForecastAnswer>}, {@code Model<ClassificationQuery,
 * ClassificationAnswer>}) and the payload codecs that put it behind an endpoint.
 */
enum MinerTask {
  /** Forecast the next values of a series. */
  FORECAST(ForecastQuery.class, ForecastAnswer.class),
  /** Give the class distribution of a feature vector. */
  CLASSIFICATION(ClassificationQuery.class, ClassificationAnswer.class);

  private final Class<?> query;
  private final Class<?> answer;

  MinerTask(Class<?> query, Class<?> answer) {
    this.query = query;
    this.answer = answer;
  }

  /** The name {@code --task} takes. */
  String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code Model<ForecastQuery, ForecastAnswer>}, as a user would write it. */
  String modelType() {
    return "Model<" + query.getSimpleName() + ", " + answer.getSimpleName() + ">";
  }

  /** The task whose model answers {@code query} with {@code answer}, or null when none does. */
  static MinerTask declaredBy(Class<?> query, Class<?> answer) {
    for (MinerTask task : values()) {
      if (task.query == query && task.answer == answer) {
        return task;
      }
    }
    return null;
  }

  /**
   * {@code model}, checked to be of this task by its declared types, behind an endpoint: queries
   * decoded, answers encoded.
   */
  @SuppressWarnings("unchecked")
  io.taofabric.transport.miner.Model serving(Model<?, ?> model) {
    return this == FORECAST
        ? TaskServing.forecaster((Model<ForecastQuery, ForecastAnswer>) model)
        : TaskServing.classifier((Model<ClassificationQuery, ClassificationAnswer>) model);
  }
}
