package io.taofabric.actors.serialization;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.actors.network.BlockClock;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.participant.MinerEntity;
import io.taofabric.actors.participant.ValidatorEntity;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.persistence.serialization.CodecRegistry;
import java.io.NotSerializableException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.serialization.DisabledJavaSerializer;
import org.apache.pekko.serialization.JavaSerializer;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every message an entity accepts from outside, and everything inside it or sent back, has a
 * serializer that is not Java's: a new public command, field or reply type without one fails here,
 * not on the first cross-node send. Private commands (pipeToSelf answers, timers) never leave their
 * actor: they need no codec, only the marker that exempts them from serialize-messages checks.
 */
class MessageCoverageTest {
  private static final List<Class<?>> COMMANDS =
      List.of(
          AccountEntity.Command.class,
          SettlementEntity.Command.class,
          BlockClock.Command.class,
          SubnetRegistryEntity.Command.class,
          SubnetEntity.Command.class,
          ValidatorEntity.Command.class,
          MinerEntity.Command.class);
  private static final ActorTestKit TEST_KIT = ActorTestKit.create();
  private static final Serialization SERIALIZATION = SerializationExtension.get(TEST_KIT.system());
  private static final CodecRegistry MESSAGES =
      new CodecRegistry(MessageCodecs.all(new FixedRefFormat(TEST_KIT.createTestProbe().getRef())));
  private static final CodecRegistry VALUES = new CodecRegistry(MessageCodecs.values());

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private static List<Class<?>> commands(boolean privateOnes) {
    List<Class<?>> commands = new ArrayList<>();
    for (Class<?> command : COMMANDS) {
      for (Class<?> type : command.getPermittedSubclasses()) {
        if (Modifier.isPrivate(type.getModifiers()) == privateOnes) {
          commands.add(type);
        }
      }
    }
    return commands;
  }

  private static List<Class<?>> publicCommands() {
    return commands(false);
  }

  @Test
  void shouldExemptEveryPrivateCommandFromSerializationChecks() {
    List<String> unmarked = new ArrayList<>();
    for (Class<?> command : commands(true)) {
      if (!NoSerializationVerificationNeeded.class.isAssignableFrom(command)) {
        unmarked.add(command.getName());
      }
    }
    assertTrue(unmarked.isEmpty(), "private commands without NoSerializationVerificationNeeded: " + unmarked);
  }

  @Test
  void shouldHaveACodecForEveryPublicCommand() {
    List<String> missing = new ArrayList<>();
    for (Class<?> command : publicCommands()) {
      if (!MESSAGES.handles(command)) {
        missing.add(command.getName());
      }
    }
    assertTrue(missing.isEmpty(), "no message codec for " + missing);
  }

  @Test
  void shouldHaveACodecForEveryValueACommandCarries() {
    List<String> missing = new ArrayList<>();
    for (Class<?> command : publicCommands()) {
      for (RecordComponent field : command.getRecordComponents()) {
        Class<?> type = field.getType();
        if (type == ActorRef.class || type.isPrimitive() || type == String.class || type == Map.class) {
          continue; // written inline by the message's own codec
        }
        Class<?>[] cases = type.isSealed() ? type.getPermittedSubclasses() : new Class<?>[] {type};
        for (Class<?> c : cases) {
          if (!VALUES.handles(c)) {
            missing.add(command.getSimpleName() + "." + field.getName() + ": " + c.getName());
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "no wire codec for " + missing);
  }

  @Test
  void shouldSerializeEveryReplyWithoutJava() {
    List<String> unserializable = new ArrayList<>();
    for (Class<?> command : publicCommands()) {
      for (RecordComponent field : command.getRecordComponents()) {
        if (field.getType() == ActorRef.class) {
          for (Class<?> reply : replyTypes(field.getGenericType())) {
            if (!serializableWithoutJava(reply)) {
              unserializable.add(command.getSimpleName() + " replies " + reply.getName());
            }
          }
        }
      }
    }
    assertTrue(unserializable.isEmpty(), "no serializer but Java's for " + unserializable);
  }

  private static boolean serializableWithoutJava(Class<?> type) {
    try {
      Serializer serializer = SERIALIZATION.serializerFor(type);
      return !(serializer instanceof JavaSerializer || serializer instanceof DisabledJavaSerializer);
    } catch (NotSerializableException e) {
      return false;
    }
  }

  /** The classes in {@code ActorRef<R>}'s R, and in {@code StatusReply<V>}'s V if R is one. */
  private static List<Class<?>> replyTypes(Type actorRef) {
    Type reply = ((ParameterizedType) actorRef).getActualTypeArguments()[0];
    if (reply instanceof ParameterizedType p && p.getRawType() == StatusReply.class) {
      return List.of(StatusReply.class, (Class<?>) p.getActualTypeArguments()[0]);
    }
    return List.of(reply instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) reply);
  }
}
