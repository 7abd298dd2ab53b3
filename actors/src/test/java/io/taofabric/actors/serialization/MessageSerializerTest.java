package io.taofabric.actors.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.io.Output;
import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.persistence.serialization.CodecRegistry;
import io.taofabric.persistence.serialization.CorruptPayloadException;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.serialization.DisabledJavaSerializer;
import org.apache.pekko.serialization.JavaSerializer;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import scala.util.Try;

/** Every cluster message, through Pekko's serialization as a remote send would take it. */
class MessageSerializerTest {
  private static final ActorTestKit TEST_KIT = ActorTestKit.create();
  private static final Serialization SERIALIZATION = SerializationExtension.get(TEST_KIT.system());
  private static final ActorRef<Object> REPLY_TO = TEST_KIT.createTestProbe().getRef();

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private static Object roundTrip(Object message) {
    Serializer serializer = SERIALIZATION.findSerializerFor(message);
    byte[] bytes = SERIALIZATION.serialize(message).get();
    return SERIALIZATION.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, message)).get();
  }

  private static Try<Object> decode(byte[] bytes) {
    return SERIALIZATION.deserialize(bytes, MessageSerializer.IDENTIFIER, "");
  }

  @Nested
  class RoundTrip {
    @Test
    void shouldCarryEveryMessageWithItsRealReplyToThroughOurSerializer() {
      for (Object message : MessageSamples.messages(REPLY_TO)) {
        assertInstanceOf(MessageSerializer.class, SERIALIZATION.findSerializerFor(message), message.toString());
        assertEquals(message, roundTrip(message));
      }
    }

    @Test
    void shouldCarryEveryAccountCommandInsideAnExecute() {
      for (AccountCommand command : MessageSamples.commands()) {
        var execute = new AccountEntity.Execute(command, REPLY_TO.narrow());
        assertEquals(execute, roundTrip(execute));
      }
    }

    @Test
    void shouldCarryEveryDirectSubnetCommandInsideAnExecute() {
      for (SubnetCommand.Direct command : MessageSamples.subnetCommands()) {
        var execute = new SubnetEntity.Execute(command, REPLY_TO.narrow());
        assertEquals(execute, roundTrip(execute));
      }
    }

    @Test
    void shouldCarryWhatASenderChoseForTheSubnetsRulesToJudge() {
      List<Object> messages =
          List.of(
              new SubnetEntity.Execute(new SubnetCommand.RevealWeights(null, List.of(-1, 70_000), List.of(), null, -1), REPLY_TO.narrow()),
              new SubnetEntity.Execute(new SubnetCommand.ServeEndpoint("5Hminer", "", 0), REPLY_TO.narrow()),
              new SubnetEntity.Execute(new SubnetCommand.SetHyperparameter(null, null, null, Long.MAX_VALUE), REPLY_TO.narrow()),
              new SubnetEntity.Execute(
                  new SubnetCommand.RevealWeights("5Hv", List.of(0), List.of(1), new byte[MessageCodec.MAX_SALT_BYTES], 9), REPLY_TO.narrow()),
              new SubnetEntity.Stake(null, "5Falice", -5, null, REPLY_TO.narrow()),
              new SubnetRegistryEntity.CreateSubnet("5Fowner", null, "", REPLY_TO.narrow()),
              new Metagraph(9, null, 0, 0, 360, 1_000_000_000L, List.of()));
      for (Object message : messages) {
        assertEquals(message, roundTrip(message));
      }
    }

    @Test
    void shouldResolveTheReplyToOfASubnetQueryToTheSameLiveActor() {
      var probe = TEST_KIT.<Metagraph>createTestProbe();
      var back = (SubnetEntity.GetMetagraph) roundTrip(new SubnetEntity.GetMetagraph(probe.getRef()));
      back.replyTo().tell(MessageSamples.metagraph());
      assertEquals(MessageSamples.metagraph(), probe.receiveMessage());
    }

    @Test
    void shouldResolveTheReplyToToTheSameLiveActor() {
      var probe = TEST_KIT.<AccountEntity.Balance>createTestProbe();
      var back = (AccountEntity.GetBalance) roundTrip(new AccountEntity.GetBalance(probe.getRef()));
      back.replyTo().tell(MessageSamples.balance());
      assertEquals(MessageSamples.balance(), probe.receiveMessage());
    }

    @Test
    void shouldCarryTheRepliesPekkoSerializesWithoutJavaSerialization() {
      List<Object> replies =
          List.of(
              StatusReply.success(MessageSamples.balance()),
              StatusReply.success("tx-7f3a"),
              StatusReply.ack(),
              StatusReply.error("insufficient free balance: has 10 rao, needs 11"),
              Done.getInstance());
      for (Object reply : replies) {
        Serializer serializer = SERIALIZATION.findSerializerFor(reply);
        assertFalse(
            serializer instanceof JavaSerializer || serializer instanceof DisabledJavaSerializer,
            reply + " goes through " + serializer.getClass().getName());
        assertEquals(reply, roundTrip(reply));
      }
    }
  }

  @Nested
  class Corrupt {
    private final byte[] execute = SERIALIZATION.serialize(MessageSamples.messages(REPLY_TO).get(0)).get();

    private CorruptPayloadException failure(byte[] bytes) {
      Try<Object> result = decode(bytes);
      assertTrue(result.isFailure(), "decoded " + result);
      return assertInstanceOf(CorruptPayloadException.class, result.failed().get());
    }

    private static byte[] varInt(int value) {
      try (Output out = new Output(8)) {
        out.writeVarInt(value, true);
        return out.toBytes();
      }
    }

    @Test
    void shouldRejectTruncatedBytes() {
      var e = failure(Arrays.copyOf(execute, execute.length - 3));
      assertTrue(e.getMessage().startsWith("payload does not decode"), e.getMessage());
    }

    @Test
    void shouldRejectATypeIdThatIsNoMessage() {
      byte[] snapshotId = varInt(120);
      assertEquals("unknown type id 120", failure(new byte[] {snapshotId[0], 1, 0}).getMessage());
    }

    @Test
    void shouldRejectAVersionThisBuildDoesNotKnow() {
      byte[] bytes = execute.clone();
      bytes[varInt(250).length] = 2;
      assertEquals("Execute version 2 is not one this build reads (1..1)", failure(bytes).getMessage());
    }

    @Test
    void shouldRejectANestedValueOfTheWrongType() {
      byte[] request = SERIALIZATION.serialize(MessageSamples.messages(REPLY_TO).get(3)).get();
      byte[] executeId = varInt(250);
      System.arraycopy(executeId, 0, request, 0, executeId.length);
      assertEquals("EpochSettled in place of AccountCommand", failure(request).getMessage());
    }

    @Test
    void shouldRefuseToSendASaltBeyondTheBound() {
      byte[] salt = new byte[MessageCodec.MAX_SALT_BYTES + 1];
      var reveal = new SubnetEntity.Execute(new SubnetCommand.RevealWeights("5Hv", List.of(0), List.of(1), salt, 9), REPLY_TO.narrow());
      Try<byte[]> result = SERIALIZATION.serialize(reveal);
      assertTrue(result.isFailure(), "serialized a salt of " + salt.length + " bytes");
      assertEquals("a salt of 257 bytes is longer than the 256 a message carries", result.failed().get().getMessage());
    }

    @Test
    void shouldRejectASaltLengthBeyondTheBound() {
      try (Output out = new Output(64)) {
        out.writeVarInt(286, true);
        out.writeByte(1);
        out.writeVarInt(295, true);
        out.writeByte(1);
        out.writeString("5Hv");
        out.writeVarInt(0, true);
        out.writeVarInt(0, true);
        out.writeVarInt(1_000_001, true);
        out.writeBytes(new byte[16]);
        var e = failure(out.toBytes());
        assertEquals("payload does not decode: a salt of 1000000 bytes is longer than the 256 a message carries", e.getMessage());
      }
    }

    @Test
    void shouldRejectAFlagThatIsNoBoolean() {
      Metagraph.Row row = MessageSamples.metagraph().neurons().get(1);
      try (Output out = new Output(64)) {
        out.writeVarInt(291, true);
        out.writeByte(1);
        out.writeVarInt(3, true);
        out.writeString("5Fowner");
        out.writeVarLong(2_600, true);
        out.writeVarLong(4, true);
        out.writeVarLong(360, true);
        out.writeVarLong(1_000, true);
        out.writeVarInt(1, true);
        out.writeVarInt(row.uid(), true);
        out.writeString(row.hotkey());
        out.writeString(row.coldkey());
        out.writeVarLong(row.stake(), true);
        out.writeByte(2);
        assertEquals("payload does not decode: validatorPermit is 2, not a boolean", failure(out.toBytes()).getMessage());
      }
    }

    @Test
    void shouldRejectATickWhoseCreationRecordIsAnotherValue() {
      byte[] serve = new CodecRegistry(MessageCodecs.values()).encode(MessageSamples.subnetCommands().get(0));
      try (Output out = new Output(64)) {
        out.writeVarInt(285, true);
        out.writeByte(1);
        out.writeVarLong(5, true);
        out.writeBytes(serve);
        assertEquals("ServeEndpoint in place of SubnetCreationStarted", failure(out.toBytes()).getMessage());
      }
    }

    @Test
    void shouldRejectAMissingReplyTo() {
      byte[] id = varInt(251);
      byte[] bytes = {id[0], id[1], 1, (byte) 0x80};
      assertEquals("replyTo is missing", failure(bytes).getMessage());
    }
  }
}
