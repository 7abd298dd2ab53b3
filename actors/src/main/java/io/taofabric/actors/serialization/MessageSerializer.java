package io.taofabric.actors.serialization;

import io.taofabric.persistence.serialization.CodecRegistry;
import io.taofabric.persistence.serialization.RegistrySerializer;
import org.apache.pekko.actor.ExtendedActorSystem;


/**
 * The Pekko serializer for the entities' cluster messages ({@link MessageCodecs}): the same framing
 * and versioning as the stored events, with actor refs as their serialization-format strings.
 * Bound in this module's reference.conf by the entities' command interfaces and reply types.
 * Pekko builds it through the {@link ExtendedActorSystem} constructor.
 */
public final class MessageSerializer extends RegistrySerializer {
  /** The serializer's id in Pekko's envelopes; never change it. */
  public static final int IDENTIFIER = 71_070_002;

  /** The serializer of {@code system}, resolving actor refs there. */
  public MessageSerializer(ExtendedActorSystem system) {
    super(IDENTIFIER, new CodecRegistry(MessageCodecs.all(ActorRefFormat.of(system))));
  }
}
