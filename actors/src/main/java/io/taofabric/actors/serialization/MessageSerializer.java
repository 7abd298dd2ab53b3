package io.taofabric.actors.serialization;

import io.taofabric.persistence.serialization.CodecRegistry;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.JSerializer;

/**
 * The Pekko serializer for the entities' cluster messages ({@link MessageCodecs}): the same framing
 * and versioning as the stored events, with actor refs as their serialization-format strings.
 * Bound in this module's reference.conf by the entities' command interfaces and reply types.
 * Pekko builds it through the {@link ExtendedActorSystem} constructor.
 */
public final class MessageSerializer extends JSerializer {
  /** The serializer's id in Pekko's envelopes; never change it. */
  public static final int IDENTIFIER = 71_070_002;

  private final CodecRegistry registry;

  /** The serializer of {@code system}, resolving actor refs there. */
  public MessageSerializer(ExtendedActorSystem system) {
    this.registry = new CodecRegistry(MessageCodecs.all(ActorRefFormat.of(system)));
  }

  @Override
  public int identifier() {
    return IDENTIFIER;
  }

  @Override
  public boolean includeManifest() {
    return false;
  }

  @Override
  public byte[] toBinary(Object o) {
    return registry.encode(o);
  }

  @Override
  public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    return registry.decode(bytes);
  }
}
