package io.taofabric.actors;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A typed test kit over Pekko's in-memory persistence test journal and snapshot store, for a test
 * class of persistent behaviours: both are emptied before each test and the kit shut down after
 * the class. Snapshots are serialized as the journal's events are, so a stored form is exercised.
 * Register it as {@code @RegisterExtension static final PersistentTestKit KIT = new PersistentTestKit();}.
 */
public final class PersistentTestKit implements BeforeEachCallback, AfterAllCallback {
  private final ActorTestKit testKit =
      ActorTestKit.create(
          PersistenceTestKitPlugin.getInstance()
              .config()
              .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
              .withFallback(ConfigFactory.load()));

  /** The kit: spawn behaviours, create probes, stop actors. */
  public ActorTestKit kit() {
    return testKit;
  }

  /** The in-memory journal, to inspect or fail what behaviours persist. */
  public PersistenceTestKit journal() {
    return PersistenceTestKit.create(testKit.system());
  }

  /** The in-memory snapshot store, to inspect what behaviours saved. */
  public SnapshotTestKit snapshots() {
    return SnapshotTestKit.create(testKit.system());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    journal().clearAll();
    snapshots().clearAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    testKit.shutdownTestKit();
  }
}
