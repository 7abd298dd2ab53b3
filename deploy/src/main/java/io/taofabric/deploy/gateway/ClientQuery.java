package io.taofabric.deploy.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastQuery;
import java.util.Set;

/**
 * The body of {@code POST /v1/subnets/{netuid}/query}: a forecast, {@code {"values": [...],
 * "horizon": h}} (the latest values of a series, oldest first, and how many steps to predict), or a
 * classification, {@code {"features": [...], "classes": k}}. The fields say which; the subnet's
 * miners serve one task, and a query of the other kind gets no fitting answer.
 */
sealed interface ClientQuery {
  /** A forecasting query. */
  record Forecast(ForecastQuery query) implements ClientQuery {}

  /** A classification query. */
  record Classification(ClassificationQuery query) implements ClientQuery {}

  /**
   * The query in {@code body}.
   *
   * @throws IllegalArgumentException naming the problem: not JSON, neither or both kinds of fields,
   *     a value out of the task's range
   */
  static ClientQuery parse(byte[] body) {
    JsonNode json = Json.object(body, Set.of("values", "horizon", "features", "classes"));
    boolean forecast = json.has("values") || json.has("horizon");
    boolean classification = json.has("features") || json.has("classes");
    if (forecast == classification) {
      throw new IllegalArgumentException(
          "a query is {\"values\": [...], \"horizon\": h} (forecast) or {\"features\": [...], \"classes\": k} (classification)");
    }
    if (forecast) {
      return new Forecast(
          new ForecastQuery(Doubles.of(Json.numbers(json, "values", ForecastQuery.MAX_WINDOW)), Json.integer(json, "horizon")));
    }
    return new Classification(
        new ClassificationQuery(
            Doubles.of(Json.numbers(json, "features", ClassificationQuery.MAX_FEATURES)), Json.integer(json, "classes")));
  }
}
