package io.taofabric.actors.serialization;


import io.taofabric.persistence.serialization.CodecRegistry;
import io.taofabric.persistence.serialization.GoldenBytesContract;
import io.taofabric.persistence.serialization.VersionedCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;

/**
 * The bytes nodes exchange are a format too: during a rolling upgrade a node reads what an older
 * one wrote, so messages and nested values keep golden files like stored events ({@link
 * GoldenBytesContract}); refs are written as one fixed remote path ({@link FixedRefFormat}). A new
 * type or version: {@code mvn -pl actors test -Dgolden.write=true -Dtest=MessageGoldenBytesTest}.
 */
class MessageGoldenBytesTest extends GoldenBytesContract {
  private static final ActorTestKit TEST_KIT = ActorTestKit.create();
  private static final ActorRef<Object> REPLY_TO = TEST_KIT.createTestProbe().getRef();
  /** Messages and nested values in one registry: their type ids and classes are disjoint. */
  private static final CodecRegistry REGISTRY = new CodecRegistry(codecs());

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private static List<VersionedCodec<?>> codecs() {
    List<VersionedCodec<?>> codecs = new ArrayList<>(MessageCodecs.all(new FixedRefFormat(REPLY_TO)));
    codecs.addAll(MessageCodecs.values());
    return codecs;
  }

  @Override
  protected CodecRegistry registry() {
    return REGISTRY;
  }

  @Override
  protected List<Object> samples() {
    List<Object> samples = new ArrayList<>(MessageSamples.messages(REPLY_TO));
    samples.addAll(MessageSamples.values());
    return samples;
  }
}
