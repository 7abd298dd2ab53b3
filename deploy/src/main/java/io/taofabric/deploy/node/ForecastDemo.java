package io.taofabric.deploy.node;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.scoring.ForecastScoring;
import io.taofabric.core.scoring.TournamentPolicy;
import io.taofabric.core.sim.Forecasters;
import io.taofabric.core.sim.NamedModel;
import io.taofabric.core.strategy.Strategies;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.core.task.TimeSeries;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.round.QueryRound;
import io.taofabric.transport.round.TaskServing;
import io.taofabric.transport.validator.FanOutSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The forecasting subnet: miners run the simulation's classical forecasters, seasonal growth first
 * (the best on a seasonal series); the validator asks for the next months of a window of monthly
 * Mauna Loa CO2 whose position the query hides. The series is history, so the truth is known at
 * once and every round is scored as soon as it is asked.
 */
final class ForecastDemo implements DemoTask<ForecastQuery, ForecastAnswer> {
  private static final int WINDOW = 24;
  private static final int HORIZON = 6;

  private final TimeSeries series = SeriesCatalog.CO2.load();
  private final ForecastTask task = new ForecastTask(series, WINDOW, HORIZON);

  /** Past the seventh miner the forecasters repeat, and the validator finds the repeats to be copies. */
  @Override
  public NamedModel<ForecastQuery, ForecastAnswer> miner(int j, int count) {
    if (count > 1 && j == count - 1) {
      return new NamedModel<>(
          "lazy-zero",
          Strategies.<ForecastQuery, ForecastAnswer>lazyConstant("lazy", new ForecastAnswer(Doubles.of(new double[HORIZON])), 0).model());
    }
    List<NamedModel<ForecastQuery, ForecastAnswer>> honest = Forecasters.all();
    return honest.get(j % honest.size());
  }

  @Override
  public Model serving(io.taofabric.core.model.Model<ForecastQuery, ForecastAnswer> model) {
    return TaskServing.forecaster(model);
  }

  @Override
  public QueryRound<ForecastQuery, ForecastAnswer> round(AeronNode node, SigningKey validator, FanOutSettings replies, Duration timeout) {
    return QueryRound.forecasting(node, validator, replies, List.of(), timeout);
  }

  @Override
  public List<Map<String, Double>> play(QueryRound<ForecastQuery, ForecastAnswer> round, Random random) {
    ForecastChallenge challenge = task.challengeAt(task.firstEnd() + random.nextInt(task.lastEnd() - task.firstEnd() + 1));
    Doubles truth = task.truth(challenge, series.length() - 1).orElseThrow();
    return List.of(round.scores(round.ask(challenge.query()), ForecastScoring.against(truth)));
  }

  @Override
  public TournamentPolicy policy() {
    return TournamentPolicy.FORECASTING;
  }
}
