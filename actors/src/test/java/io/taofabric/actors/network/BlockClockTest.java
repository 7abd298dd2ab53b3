package io.taofabric.actors.network;

import io.taofabric.actors.PersistentTestKit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.network.NetworkEvent.BlockProduced;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BlockClockTest {
  @RegisterExtension static final PersistentTestKit KIT = new PersistentTestKit();
  private static final ActorTestKit TEST_KIT = KIT.kit();
  private static final Duration INTERVAL = Duration.ofMillis(20);

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
        KIT.journal().persistedInStorage(BlockClock.PERSISTENCE_ID.id()).size();
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
