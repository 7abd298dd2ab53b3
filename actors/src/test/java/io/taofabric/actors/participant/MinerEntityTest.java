package io.taofabric.actors.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.taofabric.core.participant.MinerState;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetCommand.ServeEndpoint;
import java.time.Duration;
import java.util.UUID;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MinerEntityTest {
  private static final ActorTestKit TEST_KIT =
      ActorTestKit.create(PersistenceTestKitPlugin.getInstance().config().withFallback(ConfigFactory.load()));

  private final String hotkey = "5Hminer-" + UUID.randomUUID();
  private final ParticipantId id = new ParticipantId(3, hotkey);
  private final TestProbe<SubnetCommand.Direct> sent = TEST_KIT.createTestProbe();
  private final FakeSubnets subnets = new FakeSubnets(sent.getRef(), FakeSubnets.metagraph(500, "5Hvalidator"), null);

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private ActorRef<MinerEntity.Command> spawn() {
    return TEST_KIT.spawn(MinerEntity.create(id, subnets));
  }

  private static StatusReply<Done> serve(ActorRef<MinerEntity.Command> miner, String endpoint) {
    TestProbe<StatusReply<Done>> probe = TEST_KIT.createTestProbe();
    miner.tell(new MinerEntity.Serve(endpoint, probe.getRef()));
    return probe.receiveMessage();
  }

  private static MinerState state(ActorRef<MinerEntity.Command> miner) {
    TestProbe<MinerState> probe = TEST_KIT.createTestProbe();
    miner.tell(new MinerEntity.GetState(probe.getRef()));
    return probe.receiveMessage();
  }

  @Test
  void shouldAnnounceItsEndpointAtTheSubnetsBlockAndRecordItAfterTheAck() {
    ActorRef<MinerEntity.Command> miner = spawn();
    assertTrue(serve(miner, "10.0.0.7:8091").isSuccess());
    assertEquals(new ServeEndpoint(hotkey, "10.0.0.7:8091", 500), sent.receiveMessage());
    MinerState s = state(miner);
    assertEquals("10.0.0.7:8091", s.endpoint());
    assertEquals(500, s.lastBlock());
  }

  @Test
  void shouldRefuseAMalformedEndpointWithoutAskingTheSubnet() {
    ActorRef<MinerEntity.Command> miner = spawn();
    StatusReply<Done> reply = serve(miner, "no-port");
    assertTrue(reply.isError() && reply.getError().getMessage().contains("host:port"), reply.toString());
    sent.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void shouldRecordNothingTheSubnetRefuses() {
    subnets.refusal = "hotkey is not registered in subnet 3";
    ActorRef<MinerEntity.Command> miner = spawn();
    StatusReply<Done> reply = serve(miner, "10.0.0.7:8091");
    assertTrue(reply.isError() && reply.getError().getMessage().contains("not registered"), reply.toString());
    assertNull(state(miner).endpoint());
  }

  @Test
  void shouldCountQueriesAndKeepThemAcrossARestart() {
    ActorRef<MinerEntity.Command> miner = spawn();
    miner.tell(new MinerEntity.CountQueries(5, 1));
    miner.tell(new MinerEntity.CountQueries(-3, 0));
    miner.tell(new MinerEntity.CountQueries(2, 0));
    assertEquals(7, state(miner).answered());
    TEST_KIT.stop(miner);
    MinerState restarted = state(spawn());
    assertEquals(7, restarted.answered());
    assertEquals(1, restarted.failed());
  }
}
