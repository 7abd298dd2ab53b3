package io.taofabric.deploy.gateway;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.scoring.Response;
import io.taofabric.core.scoring.Round;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.ServedEndpoint;
import io.taofabric.transport.round.QueryRound;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.validator.MinerTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Client queries over Aeron. One thread asks, one round at a time, because a {@link QueryRound} and
 * its fan-out are single-threaded; queries beyond {@code queue} waiting are answered 503 {@code
 * busy}. The media driver starts with the first query, and per subnet and task a round stays open
 * (its miners' publications connected), re-aimed when the plan names other miners and replaced
 * when it signs as another key. Replies come back on a UDP port of the node's host, which the
 * miners must be able to reach.
 */
final class QueryDesk {
  private static final int REPLY_STREAM = 2_002;

  /** One subnet's open round of one task, and the key it signs as. */
  private record Held<Q, A>(String signer, QueryRound<Q, A> round) {}

  /** A task's open rounds by netuid. */
  private static final class Rounds<Q, A> {
    private final ClientTask<Q, A> task;
    private final Map<Integer, Held<Q, A>> held = new HashMap<>();

    private Rounds(ClientTask<Q, A> task) {
      this.task = task;
    }
  }

  private final String host;
  private final GatewaySettings.Query settings;
  private final GatewayMetrics metrics;
  private final ThreadPoolExecutor worker;
  private final Rounds<ForecastQuery, ForecastAnswer> forecasts = new Rounds<>(ClientTask.FORECAST);
  private final Rounds<ClassificationQuery, ClassificationAnswer> classifications = new Rounds<>(ClientTask.CLASSIFICATION);
  private AeronNode node;

  /** Queries replying to {@code host}, with {@code settings}. */
  QueryDesk(String host, GatewaySettings.Query settings, GatewayMetrics metrics) {
    this.host = host;
    this.settings = settings;
    this.metrics = metrics;
    this.worker =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(settings.queue()),
            runnable -> {
              Thread thread = new Thread(runnable, "gateway-queries");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Asks {@code plan}'s miners {@code query} on subnet {@code netuid}. */
  CompletionStage<Reply> ask(int netuid, ClientQuery query, QueryPlan plan) {
    try {
      return CompletableFuture.supplyAsync(
          () -> query instanceof ClientQuery.Forecast f
              ? run(forecasts, netuid, f.query(), plan)
              : run(classifications, netuid, ((ClientQuery.Classification) query).query(), plan),
          worker);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(
          Reply.failed(new ApiError(503, "busy", settings.queue() + " queries are waiting already: retry in a moment", 1)));
    }
  }

  private <Q, A> Reply run(Rounds<Q, A> rounds, int netuid, Q query, QueryPlan plan) {
    List<MinerTarget> targets = new ArrayList<>();
    for (QueryPlan.Miner miner : plan.miners()) {
      targets.add(ServedEndpoint.target(miner.hotkey(), miner.endpoint()));
    }
    QueryRound<Q, A> round = aimed(rounds, netuid, plan, targets);
    long start = System.nanoTime();
    Round<Q, A> answered;
    try {
      answered = round.ask(query);
    } catch (IllegalArgumentException e) {
      return Reply.failed(ApiError.of(413, "too_large", "the query does not fit in one request frame: " + e.getMessage()));
    }
    long took = System.nanoTime() - start;
    metrics.fanOut(took);
    return reply(rounds.task, netuid, query, plan, answered, took);
  }

  private <Q, A> QueryRound<Q, A> aimed(Rounds<Q, A> rounds, int netuid, QueryPlan plan, List<MinerTarget> targets) {
    Held<Q, A> held = rounds.held.get(netuid);
    if (held != null && held.signer().equals(plan.signer().hotkey())) {
      held.round().aim(targets, settings.timeout());
      return held.round();
    }
    if (held != null) {
      held.round().close();
    }
    FanOutSettings replies = FanOutSettings.of(ServedEndpoint.channel(freeEndpoint()), REPLY_STREAM);
    QueryRound<Q, A> round = rounds.task.rounds().open(node(), plan.signer(), replies, targets, settings.timeout());
    round.awaitConnected(settings.timeout());
    rounds.held.put(netuid, new Held<>(plan.signer().hotkey(), round));
    return round;
  }

  /**
   * The best-ranked miner's fitting answer, who was asked and what each did; 504 when nobody
   * answered, 502 when every answer was unfit.
   */
  private <Q, A> Reply reply(ClientTask<Q, A> task, int netuid, Q query, QueryPlan plan, Round<Q, A> round, long tookNanos) {
    Map<String, Response<A>> byHotkey = new HashMap<>();
    for (Response<A> response : round.responses()) {
      byHotkey.put(response.hotkey(), response);
    }
    List<Map<String, Object>> asked = new ArrayList<>();
    Map<String, Object> best = null;
    boolean anyAnswer = false;
    for (QueryPlan.Miner miner : plan.miners()) {
      Response<A> response = byHotkey.get(miner.hotkey());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("uid", miner.uid());
      entry.put("hotkey", miner.hotkey());
      entry.put("incentive", miner.incentive());
      if (response instanceof Response.Answered<A> answer) {
        anyAnswer = true;
        boolean fits = task.fits().test(answer.answer(), query);
        entry.put("status", fits ? "answered" : "unfit");
        entry.put("miner_latency_ms", answer.arrivalNs() / 1e6);
        if (fits && best == null) {
          best = new LinkedHashMap<>(entry);
          best.put("answer", task.json().apply(answer.answer()));
        }
      } else {
        // the fan-out reports every miner it was given: what is not an answer is a NoAnswer
        entry.put("status", ((Response.NoAnswer<A>) response).reason());
      }
      asked.add(entry);
    }
    if (best == null) {
      StringBuilder outcomes = new StringBuilder();
      for (Map<String, Object> entry : asked) {
        outcomes.append(outcomes.length() == 0 ? "; uid " : ", uid ").append(entry.get("uid")).append(' ').append(entry.get("status"));
      }
      return Reply.failed(
          anyAnswer
              ? ApiError.of(502, "no_fitting_answer", "no miner of subnet " + netuid + " answered this " + task.name() + " query in its form" + outcomes)
              : ApiError.of(504, "no_miner_answered", "no miner of subnet " + netuid + " answered within " + settings.timeout().toMillis() + " ms" + outcomes));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("netuid", netuid);
    json.put("task", task.name());
    json.put("answer", best.remove("answer"));
    json.put("miner", best);
    json.put("latency_ms", tookNanos / 1e6);
    json.put("signer", plan.signer().hotkey());
    json.put("asked", asked);
    return Reply.ok(json);
  }

  private AeronNode node() {
    if (node == null) {
      node = AeronNode.launch(AeronNode.Settings.defaults());
    }
    return node;
  }

  /** {@code host:port} with a UDP port free now on the node's host; the round binds it a moment later. */
  private String freeEndpoint() {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
      return host + ":" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Drops the queries still waiting, lets the one being asked end (within its timeout), then closes
   * the rounds and the media driver: the asking thread has stopped, so nothing uses them any more.
   */
  void stop() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Rounds<?, ?> rounds : List.of(forecasts, classifications)) {
      rounds.held.values().forEach(held -> held.round().close());
      rounds.held.clear();
    }
    if (node != null) {
      node.close();
      node = null;
    }
  }
}
