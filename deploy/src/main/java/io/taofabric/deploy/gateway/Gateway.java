package io.taofabric.deploy.gateway;

import io.taofabric.core.tx.TransactionVerifier;
import io.taofabric.deploy.node.NodeEntities;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * A node's gateway: its routes ({@link GatewayRoutes}) bound on the node's host, the settlement
 * follower that keeps the epoch metrics current, and the query desk's Aeron rounds. When the node
 * stops, the gateway unbinds first (with the management endpoint), answers the requests in
 * flight, then stops following and closes its media driver.
 */
public final class Gateway {
  private static final Duration REQUESTS_DRAIN = Duration.ofSeconds(5);

  private final ServerBinding binding;

  private Gateway(ServerBinding binding) {
    this.binding = binding;
  }

  /**
   * Serves the gateway of the node whose actor system is {@code system} and whose entities are
   * {@code entities}, on {@code host} and {@code settings.port()}, signing client queries with
   * {@code keys}; completes once bound.
   */
  public static CompletionStage<Gateway> start(
      ActorSystem<?> system, NodeEntities entities, String host, GatewaySettings settings, QueryKeys keys) {
    LongSupplier clockMicros = () -> Math.multiplyExact(System.currentTimeMillis(), 1_000L);
    GatewayMetrics metrics = new GatewayMetrics();
    NetworkReads reads = new NetworkReads(system, entities, settings.askTimeout());
    TransactionDesk transactions =
        new TransactionDesk(
            reads,
            entities,
            system,
            new TransactionVerifier(settings.nonceFreshness(), settings.rateLimit()),
            new AcceptedIds(settings.acceptedIdsCapacity()),
            new InFlightLimit(settings.maxInFlight()),
            settings.nonceFreshness().toleranceMicros(),
            clockMicros,
            settings.askTimeout());
    QueryDesk queries = new QueryDesk(host, settings.query(), metrics);
    SettlementFollower settlements = new SettlementFollower(system, settings.readJournal(), metrics, System.currentTimeMillis());
    Cancellable watch =
        system.scheduler().scheduleWithFixedDelay(
            settings.watchInterval(), settings.watchInterval(), () -> watch(reads, settlements), system.executionContext());
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    shutdown.addTask(
        CoordinatedShutdown.PhaseServiceStop(),
        "taofabric-gateway-stop",
        () ->
            CompletableFuture.supplyAsync(
                () -> {
                  watch.cancel();
                  queries.stop();
                  return Done.getInstance();
                }));
    GatewayRoutes routes = new GatewayRoutes(system, reads, transactions, queries, keys, settlements, metrics, settings);
    return Http.get(system)
        .newServerAt(host, settings.port())
        .bind(routes.route())
        .thenApply(bound -> new Gateway(bound.addToCoordinatedShutdown(REQUESTS_DRAIN, system)));
  }

  /** Where the gateway answers: {@code http://host:port}. */
  public String url() {
    return "http://" + binding.localAddress().getHostString() + ":" + binding.localAddress().getPort();
  }

  /** Brings every listed subnet's settlement metrics up to date; a subnet that does not answer waits for the next round. */
  private static void watch(NetworkReads reads, SettlementFollower settlements) {
    reads.subnets()
        .thenAccept(
            listed ->
                listed.subnets().forEach(
                    subnet -> reads.metagraph(subnet.netuid()).thenCompose(m -> settlements.observe(subnet.netuid(), m.epochs()))));
  }
}
