package io.taofabric.actors.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.taofabric.core.network.NetworkEvent.BlockProduced;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockClockTest {
  private static final ActorTestKit TEST_KIT =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(ConfigFactory.load()));
  private static final Duration INTERVAL = Duration.ofMillis(20);

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  @BeforeEach
  void clearJournal() {
    PersistenceTestKit.create(TEST_KIT.system()).clearAll();
  }

  private static ActorRef<BlockClock.Command> clock(TestProbe<Long> ticks) {
    return TEST_KIT.spawn(BlockClock.create(INTERVAL, ticks.getRef(), block -> block));
  }

  @Test
  void shouldTellEachBlockInOrderAfterPersistingIt() {
    TestProbe<Long> ticks = TEST_KIT.createTestProbe();
    ActorRef<BlockClock.Command> clock = clock(ticks);
    for (long expected = 1; expected <= 5; expected++) {
      assertEquals(expected, ticks.receiveMessage());
    }
    TEST_KIT.stop(clock);
    long persisted =
        PersistenceTestKit.create(TEST_KIT.system()).persistedInStorage(BlockClock.PERSISTENCE_ID.id()).size();
    assertTrue(persisted >= 5, persisted + " blocks persisted");
  }

  @Test
  void shouldContinueFromTheLastPersistedBlockAfterARestart() {
    TestProbe<Long> first = TEST_KIT.createTestProbe();
    ActorRef<BlockClock.Command> clock = clock(first);
    first.receiveSeveralMessages(3);
    TEST_KIT.stop(clock);
    TestProbe<BlockProduced> height = TEST_KIT.createTestProbe();
    TestProbe<Long> second = TEST_KIT.createTestProbe();
    ActorRef<BlockClock.Command> restarted = clock(second);
    restarted.tell(new BlockClock.GetHeight(height.getRef()));
    long recovered = height.receiveMessage().block();
    assertTrue(recovered >= 3, "recovered height " + recovered);
    assertEquals(recovered + 1, second.receiveMessage(), "no height repeated or skipped");
  }
}
