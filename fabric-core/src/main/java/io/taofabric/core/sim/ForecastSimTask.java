package io.taofabric.core.sim;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.scoring.AnswerSimilarity;
import io.taofabric.core.scoring.TournamentPolicy;
import io.taofabric.core.scoring.ForecastScoring;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Forecasting real series. Validators ask about one series per tempo, in turn, and about windows
 * in the first part of its history; the last {@code heldOutShare} of every series is held out for
 * the simulation's measure of true skill. Validators score as soon as they ask: the simulation
 * plays the series' future at once, where a network waits for the truth to be revealed.
 */
public final class ForecastSimTask implements SimTask<ForecastQuery, ForecastAnswer> {
  /** Every so many windows of the held-out part is measured, to keep the measure cheap. */
  private static final int HELD_OUT_STRIDE = 3;

  private final List<Part> parts;
  private final List<Challenge<ForecastQuery, ForecastAnswer>> heldOut;

  /** One series: its task and the last window end validators may ask about. */
  private record Part(TimeSeries series, ForecastTask task, int lastAskedEnd) {}

  public ForecastSimTask(List<TimeSeries> series, int windowLength, int horizon, double heldOutShare) {
    if (series.isEmpty() || !(heldOutShare > 0 && heldOutShare < 1)) {
      throw new IllegalArgumentException("need series and a held-out share in (0, 1)");
    }
    List<Part> ps = new ArrayList<>();
    List<Challenge<ForecastQuery, ForecastAnswer>> held = new ArrayList<>();
    for (TimeSeries s : series) {
      ForecastTask task = new ForecastTask(s, windowLength, horizon);
      int cut = task.lastEnd() - (int) ((task.lastEnd() - task.firstEnd()) * heldOutShare);
      // the held-out windows start after every truth validators saw, so nothing scored overlaps them
      for (int end = cut + horizon + 1; end <= task.lastEnd(); end += HELD_OUT_STRIDE) {
        held.add(scored(s, task, task.challengeAt(end)));
      }
      ps.add(new Part(s, task, cut));
    }
    this.parts = List.copyOf(ps);
    this.heldOut = List.copyOf(held);
  }

  @Override
  public Challenge<ForecastQuery, ForecastAnswer> challenge(long tempo, Random random) {
    Part part = parts.get((int) (tempo % parts.size()));
    int end = part.task().firstEnd() + random.nextInt(part.lastAskedEnd() - part.task().firstEnd() + 1);
    return scored(part.series(), part.task(), part.task().challengeAt(end));
  }

  @Override
  public List<Challenge<ForecastQuery, ForecastAnswer>> heldOut() {
    return heldOut;
  }

  @Override
  public TournamentPolicy policy() {
    return TournamentPolicy.FORECASTING;
  }

  @Override
  public AnswerSimilarity<ForecastQuery, ForecastAnswer> similarity() {
    return ForecastScoring.similarity(ForecastScoring.COPY_STEP_SHARE);
  }

  private static Challenge<ForecastQuery, ForecastAnswer> scored(
      TimeSeries series, ForecastTask task, ForecastChallenge challenge) {
    Doubles truth = task.truth(challenge, series.length() - 1).orElseThrow();
    return new Challenge<>(challenge.query(), ForecastScoring.against(truth));
  }
}
