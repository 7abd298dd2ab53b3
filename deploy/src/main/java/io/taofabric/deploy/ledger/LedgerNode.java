package io.taofabric.deploy.ledger;

import com.typesafe.config.Config;
import io.taofabric.deploy.node.FabricNode;
import io.taofabric.deploy.node.NodeEntities;
import io.taofabric.deploy.node.NodeSettings;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import io.taofabric.sharding.LedgerSharding;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * A one-node cluster holding the ledger's sharded entities over the Cassandra journal: what the
 * ledger commands run on. The node joins itself on a free loopback port, under a system name of its
 * own so that it never joins a running network, and leaves on close.
 */
public final class LedgerNode implements AutoCloseable {
  private static final String SYSTEM_NAME = "taofabric-ledger";
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

  private final FabricNode<LedgerSharding> node;

  private LedgerNode(FabricNode<LedgerSharding> node) {
    this.node = node;
  }

  /** Starts the node on {@code store}, with the ledger's entities registered. */
  public static LedgerNode start(LedgerStoreSettings store, Config base) throws TimeoutException, InterruptedException {
    FabricNode<LedgerSharding> node =
        FabricNode.start(
            SYSTEM_NAME, NodeSettings.from(base).aloneOnLoopback(), store.pekkoConfig().withFallback(base), NodeEntities::ledger);
    try {
      node.up().toCompletableFuture().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      node.system().terminate();
      throw new TimeoutException("the ledger node did not join itself within " + JOIN_TIMEOUT);
    }
    return new LedgerNode(node);
  }

  /** The node's actor system. */
  public ActorSystem<Void> system() {
    return node.system();
  }

  /** The ledger's entities. */
  public LedgerSharding ledger() {
    return node.entities();
  }

  /** Leaves and stops, waiting for the system to terminate. */
  @Override
  public void close() throws ExecutionException, TimeoutException {
    node.close();
  }
}
