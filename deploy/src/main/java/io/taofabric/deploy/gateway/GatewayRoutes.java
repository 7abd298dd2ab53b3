package io.taofabric.deploy.gateway;

import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.subnet.Metagraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * The gateway's HTTP routes. Each leaf reads its input, asks the piece that knows the answer and
 * writes a {@link Reply} as JSON; errors are {@code {"error": {"reason", "message"}}} with the
 * status of their {@link ApiError}, and every answer is counted by route template and status.
 */
final class GatewayRoutes extends AllDirectives {
  private static final int MAX_NETUID = 65_535;
  private static final int DEFAULT_EPOCHS = 10;
  private static final Pattern COLDKEY = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final ActorSystem<?> system;
  private final NetworkReads reads;
  private final TransactionDesk transactions;
  private final QueryDesk queries;
  private final QueryKeys keys;
  private final SettlementFollower settlements;
  private final GatewayMetrics metrics;
  private final GatewaySettings settings;

  GatewayRoutes(
      ActorSystem<?> system,
      NetworkReads reads,
      TransactionDesk transactions,
      QueryDesk queries,
      QueryKeys keys,
      SettlementFollower settlements,
      GatewayMetrics metrics,
      GatewaySettings settings) {
    this.system = system;
    this.reads = reads;
    this.transactions = transactions;
    this.queries = queries;
    this.keys = keys;
    this.settlements = settlements;
    this.metrics = metrics;
    this.settings = settings;
  }

  /** Every route, with JSON answers for unknown paths, wrong methods and failures. */
  Route route() {
    return handleExceptions(
        exceptions(),
        () ->
            handleRejections(
                rejections(),
                () ->
                    concat(
                        path("health", () -> get(() -> counted("GET /health", this::health))),
                        path("metrics", () -> get(() -> counted("GET /metrics", this::metricsText))),
                        pathPrefix("v1", this::v1))));
  }

  private Route v1() {
    return concat(
        path("subnets", () -> get(() -> counted("GET /v1/subnets", () -> answer(subnets())))),
        pathPrefix("subnets", () -> pathPrefix(PathMatchers.integerSegment(), this::subnet)),
        path(
            PathMatchers.segment("accounts").slash(PathMatchers.segment()),
            coldkey -> get(() -> counted("GET /v1/accounts/{coldkey}", () -> answer(account(coldkey))))),
        path("transactions", () -> post(() -> counted("POST /v1/transactions", () -> body(transactions::submit)))));
  }

  private Route subnet(int netuid) {
    return concat(
        path(
            "hyperparameters",
            () -> get(() -> counted("GET /v1/subnets/{netuid}/hyperparameters", () -> answer(hyperparameters(netuid))))),
        path(
            "metagraph",
            () ->
                get(
                    () ->
                        counted(
                            "GET /v1/subnets/{netuid}/metagraph",
                            () -> parameterOptional("fields", fields -> answer(metagraph(netuid, fields)))))),
        path(
            "epochs",
            () ->
                get(
                    () ->
                        counted(
                            "GET /v1/subnets/{netuid}/epochs",
                            () -> parameterOptional("limit", limit -> answer(epochs(netuid, limit)))))),
        path("query", () -> post(() -> counted("POST /v1/subnets/{netuid}/query", () -> body(bytes -> query(netuid, bytes))))));
  }

  private Route health() {
    Cluster cluster = Cluster.get(system);
    Member self = cluster.selfMember();
    int up = 0;
    for (Member member : cluster.state().getMembers()) {
      if (member.status() == MemberStatus.up()) {
        up++;
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", self.status().toString().toLowerCase(Locale.ROOT));
    json.put("members", up);
    json.put("unreachable", cluster.state().getUnreachable().size());
    json.put("address", self.address().toString());
    json.put("roles", new ArrayList<>(cluster.selfMember().getRoles()));
    return complete(json(self.status() == MemberStatus.up() ? 200 : 503, json));
  }

  private Route metricsText() {
    return complete(
        HttpResponse.create().withEntity(HttpEntities.create(ContentTypes.parse(metrics.contentType()), metrics.scrape())));
  }

  private CompletionStage<Reply> subnets() {
    return reads.subnets()
        .thenCompose(
            listed -> {
              List<CompletableFuture<Map<String, Object>>> views = new ArrayList<>();
              for (SubnetCreationStarted created : listed.subnets()) {
                views.add(reads.metagraph(created.netuid()).thenApply(m -> Views.subnet(created, m)).toCompletableFuture());
              }
              return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new))
                  .thenApply(all -> Reply.ok(views.stream().map(CompletableFuture::join).toList()));
            });
  }

  private CompletionStage<Reply> hyperparameters(int netuid) {
    return existing(netuid, m -> reads.hyperparameters(netuid).thenApply(h -> Reply.ok(Views.hyperparameters(h))));
  }

  private CompletionStage<Reply> metagraph(int netuid, Optional<String> fields) {
    List<String> selected;
    try {
      selected = Views.neuronFields(fields.orElse(null));
    } catch (IllegalArgumentException e) {
      return failed(ApiError.of(400, "unknown_field", e.getMessage()));
    }
    return existing(netuid, m -> CompletableFuture.completedFuture(Reply.ok(Views.metagraph(m, selected))));
  }

  private CompletionStage<Reply> epochs(int netuid, Optional<String> limitParameter) {
    int limit;
    try {
      limit = limitParameter.map(Integer::parseInt).orElse(DEFAULT_EPOCHS);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > SettlementFollower.EPOCHS_KEPT) {
      return failed(ApiError.malformed("limit must be a whole number from 1 to " + SettlementFollower.EPOCHS_KEPT));
    }
    int n = limit;
    return existing(
        netuid,
        m ->
            settlements
                .latest(netuid, n)
                .thenApply(epochs -> Reply.ok(epochs.stream().map(EpochHistory.Epoch::json).toList())));
  }

  private CompletionStage<Reply> account(String coldkey) {
    if (!COLDKEY.matcher(coldkey).matches()) {
      return failed(ApiError.malformed("a coldkey is 1 to 128 of A-Z a-z 0-9 . _ -, got '" + coldkey + "'"));
    }
    return reads.balance(coldkey).thenApply(balance -> Reply.ok(Views.account(balance)));
  }

  private CompletionStage<Reply> query(int netuid, byte[] body) {
    ClientQuery query;
    try {
      query = ClientQuery.parse(body);
    } catch (IllegalArgumentException e) {
      return failed(ApiError.malformed(e.getMessage()));
    }
    return existing(
        netuid,
        m -> {
          QueryPlan.Outcome plan = QueryPlan.of(m, keys.candidates(netuid), settings.query().topMiners());
          return plan instanceof QueryPlan.Ready ready
              ? queries.ask(netuid, query, ready.plan())
              : failed(((QueryPlan.Impossible) plan).error());
        });
  }

  /** {@code then} applied to subnet {@code netuid}'s metagraph; 404 when there is no such subnet. */
  private CompletionStage<Reply> existing(int netuid, Function<Metagraph, CompletionStage<Reply>> then) {
    if (netuid < 1 || netuid > MAX_NETUID) {
      return failed(ApiError.unknownSubnet(netuid));
    }
    return reads.existing(netuid).thenCompose(m -> m.isPresent() ? then.apply(m.get()) : failed(ApiError.unknownSubnet(netuid)));
  }

  /** Reads the request body up to the cap (413 beyond it) and hands it to {@code handler}. */
  private Route body(Function<byte[], CompletionStage<Reply>> handler) {
    int cap = settings.maxBodyBytes();
    return extractRequestEntity(
        (RequestEntity entity) -> {
          if (entity.getContentLengthOption().isPresent() && entity.getContentLengthOption().getAsLong() > cap) {
            return complete(error(tooLarge(cap)));
          }
          return answer(
              entity
                  .toStrict(settings.askTimeout().toMillis(), cap, system)
                  .handle(
                      (strict, failure) ->
                          failure == null
                              ? handler.apply(strict.getData().toArray())
                              : failed(
                                  cause(failure) instanceof EntityStreamSizeException
                                      ? tooLarge(cap)
                                      : ApiError.malformed("the body could not be read: " + cause(failure).getMessage())))
                  .thenCompose(reply -> reply));
        });
  }

  /** Completes with {@code reply}; an entity that did not answer in time is a 503. */
  private Route answer(CompletionStage<Reply> reply) {
    return completeWithFuture(
        reply
            .exceptionally(
                failure ->
                    cause(failure) instanceof TimeoutException
                        ? Reply.failed(ApiError.noAnswer("the network did not answer within " + settings.askTimeout().toMillis() + " ms"))
                        : Reply.failed(ApiError.of(500, "internal", "the gateway failed: " + cause(failure))))
            .thenApply(this::response));
  }

  private HttpResponse response(Reply reply) {
    return reply instanceof Reply.Ok ok ? json(200, ok.json()) : error(((Reply.Failed) reply).error());
  }

  /** Counts every answer of {@code inner} as {@code route}. */
  private Route counted(String route, Supplier<Route> inner) {
    return mapResponse(
        response -> {
          metrics.answered(route, response.status().intValue());
          return response;
        },
        inner);
  }

  private HttpResponse error(ApiError error) {
    metrics.rejected(error.reason());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", error.reason());
    body.put("message", error.message());
    HttpResponse response = json(error.status(), Map.of("error", body));
    return error.retryAfterSeconds() > 0 ? response.addHeader(RetryAfter.create(error.retryAfterSeconds())) : response;
  }

  private static HttpResponse json(int status, Object json) {
    return HttpResponse.create().withStatus(status).withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, Json.bytes(json)));
  }

  private RejectionHandler rejections() {
    return RejectionHandler.newBuilder()
        .handleAll(
            MethodRejection.class,
            rejected -> counted("method not allowed", () -> complete(error(ApiError.of(405, "method_not_allowed", "this path takes another method")))))
        .handleNotFound(counted("not found", () -> complete(error(ApiError.of(404, "not_found", "no such path")))))
        .build()
        .withFallback(RejectionHandler.defaultHandler())
        .mapRejectionResponse(this::asJsonError);
  }

  /** Pekko's own rejection answers (bad query parameters and the like) as this gateway's JSON errors. */
  private HttpResponse asJsonError(HttpResponse response) {
    if (response.entity().getContentType().equals(ContentTypes.APPLICATION_JSON)) {
      return response;
    }
    return error(ApiError.of(response.status().intValue(), "rejected", response.status().reason()));
  }

  private ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder()
        .matchAny(failure -> complete(error(ApiError.of(500, "internal", "the gateway failed: " + failure))))
        .build();
  }

  private static ApiError tooLarge(int cap) {
    return ApiError.of(413, "too_large", "the body is larger than " + cap + " bytes");
  }

  private static CompletionStage<Reply> failed(ApiError error) {
    return CompletableFuture.completedFuture(Reply.failed(error));
  }

  /** What went wrong under the wrappers a completion stage adds. */
  private static Throwable cause(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
