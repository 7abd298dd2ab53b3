package io.taofabric.transport.round;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.MalformedPayloadException;
import io.taofabric.core.model.PayloadCodec;
import io.taofabric.core.model.TaskCodecs;
import io.taofabric.core.scoring.AnswerSimilarity;
import io.taofabric.core.scoring.ClassificationScoring;
import io.taofabric.core.scoring.ForecastScoring;
import io.taofabric.core.scoring.QualityScorer;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import io.taofabric.core.scoring.RoundScorer;
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
import java.util.SortedMap;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * One validator's rounds of one task over Aeron: {@link #ask} fans a query out to the miners and
 * turns what came back into a scoring {@link Round}; {@link #scores} judges it with fabric-core's
 * {@link RoundScorer} against the task's quality scorer (the truth, a canary's label, agreement).
 * The two are apart because a live validator may ask about the future and only score later. Holds
 * one {@link FanOut} for all its rounds, so the miners' publications stay connected, and replaces it
 * when {@link #aim} names other miners; like it, not thread-safe.
 */
public final class QueryRound<Q, A> implements AutoCloseable {
  private final AeronNode node;
  private final SigningKey validator;
  private final FanOutSettings replies;
  private final Duration timeout;
  private final PayloadCodec<Q> queries;
  private final PayloadCodec<A> answers;
  private final RoundScorer<Q, A> scorer;
  private List<MinerTarget> miners;
  private FanOut fanOut;

  /**
   * Rounds of {@code miners}, signed as {@code validator}, each answer due within {@code timeout};
   * payloads go through {@code queries} and {@code answers}, and answers that {@code similarity}
   * finds alike are copies.
   */
  public QueryRound(
      AeronNode node,
      SigningKey validator,
      FanOutSettings replies,
      List<MinerTarget> miners,
      Duration timeout,
      PayloadCodec<Q> queries,
      PayloadCodec<A> answers,
      AnswerSimilarity<Q, A> similarity) {
    this.node = node;
    this.validator = validator;
    this.replies = replies;
    this.timeout = timeout;
    this.queries = queries;
    this.answers = answers;
    this.scorer = new RoundScorer<>(similarity);
    this.miners = List.copyOf(miners);
    this.fanOut = fanOut(this.miners);
  }

  /** Forecasting rounds: forecasts are copies when nearly every step matches. */
  public static QueryRound<ForecastQuery, ForecastAnswer> forecasting(
      AeronNode node, SigningKey validator, FanOutSettings replies, List<MinerTarget> miners, Duration timeout) {
    return new QueryRound<>(
        node,
        validator,
        replies,
        miners,
        timeout,
        TaskCodecs.FORECAST_QUERY,
        TaskCodecs.FORECAST_ANSWER,
        ForecastScoring.similarity(ForecastScoring.COPY_STEP_SHARE));
  }

  /** Classification rounds: distributions are copies when alike in log space. */
  public static QueryRound<ClassificationQuery, ClassificationAnswer> classification(
      AeronNode node, SigningKey validator, FanOutSettings replies, List<MinerTarget> miners, Duration timeout) {
    return new QueryRound<>(
        node,
        validator,
        replies,
        miners,
        timeout,
        TaskCodecs.CLASSIFICATION_QUERY,
        TaskCodecs.CLASSIFICATION_ANSWER,
        ClassificationScoring.similarity(ClassificationScoring.COPY_LOG_TOLERANCE));
  }

  /**
   * Aims the next rounds at {@code miners}. The same miners keep the fan-out; others replace it,
   * waiting up to {@code patience} for the new publications to connect (the old fan-out closes
   * after, so replies keep a subscription meanwhile). Returns whether every miner's endpoint is
   * connected; one that is not yet is UNREACHABLE in the rounds until it is.
   */
  public boolean aim(List<MinerTarget> miners, Duration patience) {
    if (miners.equals(this.miners)) {
      return fanOut.awaitConnected(Duration.ZERO);
    }
    FanOut previous = fanOut;
    this.miners = List.copyOf(miners);
    this.fanOut = fanOut(this.miners);
    boolean connected = fanOut.awaitConnected(patience);
    previous.close();
    return connected;
  }

  /** Waits until every miner's endpoint is connected, or {@code patience}; the rest count as unreachable. */
  public boolean awaitConnected(Duration patience) {
    return fanOut.awaitConnected(patience);
  }

  /** Asks every miner {@code query} and waits for their answers until the timeout. */
  public Round<Q, A> ask(Q query) {
    FanOutResult result = fanOut.query(queries.encode(query), timeout);
    List<Response<A>> responses = new ArrayList<>(result.results().size());
    for (MinerResult miner : result.results()) {
      responses.add(response(miner));
    }
    return new Round<>(query, timeout.toNanos(), responses);
  }

  /** Each asked miner's score in [0, 1] by hotkey, the independent answers judged by {@code quality}. */
  public SortedMap<String, Double> scores(Round<Q, A> round, QualityScorer<Q, A> quality) {
    return scorer.scores(round, quality);
  }

  @Override
  public void close() {
    fanOut.close();
  }

  private FanOut fanOut(List<MinerTarget> targets) {
    return new FanOut(
        node.aeron(), validator, replies, targets, node.newIdleStrategy(), SystemEpochClock.INSTANCE, SystemNanoClock.INSTANCE);
  }

  /**
   * An OK reply's decoded answer, arriving at the miner's own latency: the one per-miner time the
   * fan-out reports, short of the arrival by the transport hop; every other outcome is no answer.
   */
  private Response<A> response(MinerResult miner) {
    if (miner.status() != Status.OK) {
      return new Response.NoAnswer<>(miner.hotkey(), miner.status().name());
    }
    try {
      return new Response.Answered<>(miner.hotkey(), answers.decode(miner.answer()), miner.minerLatencyNs());
    } catch (MalformedPayloadException e) {
      return new Response.NoAnswer<>(miner.hotkey(), "malformed answer: " + e.getMessage());
    }
  }
}
