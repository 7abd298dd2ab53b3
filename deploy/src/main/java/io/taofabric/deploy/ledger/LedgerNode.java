package io.taofabric.deploy.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import io.taofabric.sharding.LedgerSharding;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * A one-node cluster holding the ledger's sharded entities over the Cassandra journal: what the
 * ledger commands run on. The node joins itself on a free loopback port and leaves on close.
 */
public final class LedgerNode implements AutoCloseable {
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<Void> system;
  private final LedgerSharding ledger;

  private LedgerNode(ActorSystem<Void> system, LedgerSharding ledger) {
    this.system = system;
    this.ledger = ledger;
  }

  /** Starts the node on {@code store}, with the ledger's entities registered. */
  public static LedgerNode start(LedgerStoreSettings store, Config base) throws TimeoutException, InterruptedException {
    Config config =
        ConfigFactory.parseString(
                String.join(
                    "\n",
                    "pekko.actor.provider = cluster",
                    "pekko.remote.artery.canonical.hostname = 127.0.0.1",
                    "pekko.remote.artery.canonical.port = 0",
                    "pekko.cluster.downing-provider-class = \"org.apache.pekko.cluster.sbr.SplitBrainResolverProvider\"",
                    "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on",
                    "pekko.coordinated-shutdown.exit-jvm = off"))
            .withFallback(store.pekkoConfig())
            .withFallback(base);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "taofabric-ledger", config);
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
    while (cluster.selfMember().status() != MemberStatus.up()) {
      if (System.nanoTime() > deadline) {
        system.terminate();
        throw new TimeoutException("the ledger node did not join itself within " + JOIN_TIMEOUT);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    LedgerSharding ledger = LedgerSharding.init(system, Duration.ofSeconds(10), Duration.ofSeconds(1));
    return new LedgerNode(system, ledger);
  }

  /** The node's actor system. */
  public ActorSystem<Void> system() {
    return system;
  }

  /** The ledger's entities. */
  public LedgerSharding ledger() {
    return ledger;
  }

  /** Leaves and stops, waiting for the system to terminate. */
  @Override
  public void close() throws ExecutionException, TimeoutException {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
