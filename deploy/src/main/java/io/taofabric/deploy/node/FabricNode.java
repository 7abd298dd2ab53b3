package io.taofabric.deploy.node;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.management.javadsl.PekkoManagement;

/**
 * A running cluster node: its actor system, configured by {@link NodeConfig}, joining its seeds
 * (or itself, without seeds), with its entity types registered: every one for a network node
 * ({@link NodeEntities}), only the ledger's for the ledger commands' private node. Closing it
 * leaves the cluster gracefully: shards hand off to the remaining nodes before it stops.
 *
 * @param <E> what the node's registered entity types are reached through
 */
public final class FabricNode<E> implements AutoCloseable {
  /** The network's actor system name: the same on every node, since seed addresses contain it. */
  public static final String SYSTEM_NAME = "taofabric";

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final ActorSystem<Void> system;
  private final E entities;
  private final CompletableFuture<Done> up;

  private FabricNode(ActorSystem<Void> system, E entities, CompletableFuture<Done> up) {
    this.system = system;
    this.entities = entities;
    this.up = up;
  }

  /**
   * Starts a network node (every entity type) of the cluster named {@code systemName} with {@code
   * settings}, laid over {@code base} (which holds the journal's settings). It joins in the
   * background; see {@link #up()}.
   */
  public static FabricNode<NodeEntities> start(String systemName, NodeSettings settings, Config base) {
    return start(systemName, settings, base, NodeEntities::register);
  }

  /** Starts a node as {@link #start(String, NodeSettings, Config)} does, registering entity types with {@code register}. */
  public static <E> FabricNode<E> start(
      String systemName, NodeSettings settings, Config base, Function<ActorSystem<?>, E> register) {
    ActorSystem<Void> system =
        ActorSystem.create(Behaviors.empty(), systemName, NodeConfig.of(systemName, settings).withFallback(base));
    CompletableFuture<Done> up = new CompletableFuture<>();
    org.apache.pekko.cluster.Cluster.get(system.classicSystem()).registerOnMemberUp(() -> up.complete(Done.getInstance()));
    system.getWhenTerminated().thenRun(() -> up.completeExceptionally(new IllegalStateException("the node stopped before it was up")));
    if (settings.seeds().isEmpty()) {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
    return new FabricNode<>(system, register.apply(system), up);
  }

  /**
   * Starts the management HTTP endpoint ({@code /cluster/members}, {@code /health/ready}, {@code
   * /health/alive}) on the node's host and management port. It is unbound first when the node
   * stops, so the node reports itself not ready before it leaves.
   */
  public CompletionStage<Uri> startManagement() {
    PekkoManagement management = PekkoManagement.get(system);
    CoordinatedShutdown.get(system)
        .addTask(CoordinatedShutdown.PhaseServiceUnbind(), "taofabric-management-unbind", management::stop);
    return management.start();
  }

  /** Completes when this node is an Up member; fails if it stops first. */
  public CompletionStage<Done> up() {
    return up;
  }

  /** This node's address, {@code pekko://<system>@<host>:<port>}, with the port it bound. */
  public String address() {
    return Cluster.get(system).selfMember().address().toString();
  }

  /** The node's actor system. */
  public ActorSystem<Void> system() {
    return system;
  }

  /** The node's entity types. */
  public E entities() {
    return entities;
  }

  /** Completes when the node has stopped, whatever stopped it. */
  public CompletionStage<Done> whenTerminated() {
    return system.getWhenTerminated();
  }

  /** Whether the cluster removed this node (the split brain resolver downed it) rather than it leaving. */
  public boolean downed() {
    Optional<CoordinatedShutdown.Reason> reason = CoordinatedShutdown.get(system).getShutdownReason();
    return reason.isPresent() && reason.get().equals(CoordinatedShutdown.clusterDowningReason());
  }

  /** Leaves the cluster (shards hand off first) and waits for the node to stop. */
  @Override
  public void close() throws ExecutionException, TimeoutException {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
