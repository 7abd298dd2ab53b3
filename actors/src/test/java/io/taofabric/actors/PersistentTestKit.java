package io.taofabric.actors;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A typed test kit over Pekko's in-memory persistence test journal, for a test class of persistent
 * behaviours: the journal is emptied before each test and the kit shut down after the class.
 * Register it as {@code @RegisterExtension static final PersistentTestKit KIT = new PersistentTestKit();}.
 */
public final class PersistentTestKit implements BeforeEachCallback, AfterAllCallback {
  private final ActorTestKit testKit =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(ConfigFactory.load()));

  /** The kit: spawn behaviours, create probes, stop actors. */
  public ActorTestKit kit() {
    return testKit;
  }

  /** The in-memory journal, to inspect or fail what behaviours persist. */
  public PersistenceTestKit journal() {
    return PersistenceTestKit.create(testKit.system());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    journal().clearAll();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    testKit.shutdownTestKit();
  }
}
