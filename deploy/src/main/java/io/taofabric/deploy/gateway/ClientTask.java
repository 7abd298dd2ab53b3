package io.taofabric.deploy.gateway;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.round.QueryRound;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.validator.MinerTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A task whose queries the gateway routes: how its rounds run over Aeron, which answers fit a
 * query, and how an answer reads in JSON.
 *
 * @param name the task's name in answers: {@code forecast} or {@code classification}
 * @param rounds opens a round of the task (transport's {@link QueryRound} factories)
 * @param fits whether an answer answers the query (one finite value per step; a distribution over its classes)
 * @param json an answer as JSON
 */
record ClientTask<Q, A>(String name, Opener<Q, A> rounds, BiPredicate<A, Q> fits, Function<A, Map<String, Object>> json) {
  /** Opens a task's rounds, as {@link QueryRound#forecasting} and {@link QueryRound#classification} do. */
  @FunctionalInterface
  interface Opener<Q, A> {
    QueryRound<Q, A> open(AeronNode node, SigningKey signer, FanOutSettings replies, List<MinerTarget> miners, Duration timeout);
  }

  static final ClientTask<ForecastQuery, ForecastAnswer> FORECAST =
      new ClientTask<>("forecast", QueryRound::forecasting, (a, q) -> a.fits(q), a -> Map.of("values", a.values().toArray()));

  static final ClientTask<ClassificationQuery, ClassificationAnswer> CLASSIFICATION =
      new ClientTask<>("classification", QueryRound::classification, (a, q) -> a.fits(q), ClientTask::distribution);

  private static Map<String, Object> distribution(ClassificationAnswer answer) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", answer.label());
    json.put("probabilities", answer.probabilities().toArray());
    return json;
  }
}
