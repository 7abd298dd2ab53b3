package io.taofabric.transport.round;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.MalformedPayloadException;
import io.taofabric.core.model.TaskCodecs;
import io.taofabric.core.scoring.ForecastScoring;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import io.taofabric.core.scoring.RoundScorer;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.validator.FanOut;
import io.taofabric.transport.validator.FanOutResult;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.validator.MinerResult;
import io.taofabric.transport.validator.MinerTarget;
import io.taofabric.transport.wire.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * One validator's forecasting rounds over Aeron: {@link #ask} fans a challenge's query out to the
 * miners and turns what came back into a scoring {@link Round}; {@link #scores} judges it with
 * fabric-core's {@link RoundScorer} once the series has revealed the truth. The two are apart
 * because a live validator asks about the future and can only score later. Holds one {@link FanOut}
 * for all its rounds, so the miners' publications stay connected; like it, not thread-safe.
 */
public final class QueryRound implements AutoCloseable {
  private final FanOut fanOut;
  private final Duration timeout;
  private final RoundScorer<ForecastQuery, ForecastAnswer> scorer =
      new RoundScorer<>(ForecastScoring.similarity(ForecastScoring.COPY_STEP_SHARE));

  /** A round of {@code miners}, signed as {@code validator}, each answer due within {@code timeout}. */
  public QueryRound(
      AeronNode node, SigningKey validator, FanOutSettings replies, List<MinerTarget> miners, Duration timeout) {
    this.fanOut =
        new FanOut(
            node.aeron(), validator, replies, miners, node.newIdleStrategy(), SystemEpochClock.INSTANCE, SystemNanoClock.INSTANCE);
    this.timeout = timeout;
  }

  /** Waits until every miner's endpoint is connected, or {@code patience}; the rest count as unreachable. */
  public boolean awaitConnected(Duration patience) {
    return fanOut.awaitConnected(patience);
  }

  /** Asks every miner {@code challenge}'s query and waits for their answers until the timeout. */
  public Round<ForecastQuery, ForecastAnswer> ask(ForecastChallenge challenge) {
    ForecastQuery query = challenge.query();
    FanOutResult result = fanOut.query(TaskCodecs.FORECAST_QUERY.encode(query), timeout);
    List<Response<ForecastAnswer>> responses = new ArrayList<>(result.results().size());
    for (MinerResult miner : result.results()) {
      responses.add(response(miner));
    }
    return new Round<>(query, timeout.toNanos(), responses);
  }

  /**
   * Each asked miner's score in [0, 1] by hotkey, or empty while the series has been revealed only
   * through index {@code revealedThrough}, short of the challenge's horizon.
   */
  public Optional<SortedMap<String, Double>> scores(
      ForecastTask task, ForecastChallenge challenge, Round<ForecastQuery, ForecastAnswer> round, int revealedThrough) {
    Optional<Doubles> truth = task.truth(challenge, revealedThrough);
    return truth.map(t -> scorer.scores(round, ForecastScoring.against(t)));
  }

  @Override
  public void close() {
    fanOut.close();
  }

  /**
   * An OK reply's decoded forecast, arriving at the miner's own latency: the one per-miner time the
   * fan-out reports, short of the arrival by the transport hop; every other outcome is no answer.
   */
  private static Response<ForecastAnswer> response(MinerResult miner) {
    if (miner.status() != Status.OK) {
      return new Response.NoAnswer<>(miner.hotkey(), miner.status().name());
    }
    try {
      ForecastAnswer answer = TaskCodecs.FORECAST_ANSWER.decode(miner.answer());
      return new Response.Answered<>(miner.hotkey(), answer, miner.minerLatencyNs());
    } catch (MalformedPayloadException e) {
      return new Response.NoAnswer<>(miner.hotkey(), "malformed answer: " + e.getMessage());
    }
  }
}
