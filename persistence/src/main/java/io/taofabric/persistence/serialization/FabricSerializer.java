package io.taofabric.persistence.serialization;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Pekko serializer for everything taofabric persists: each type's own versioned codec, framed
 * by type id and version (no Java serialization, no reflection-driven layouts that break when a
 * record gains a field). Bound in reference.conf by the fabric-core interfaces.
 */
public final class FabricSerializer extends RegistrySerializer {
  /** The serializer's id in Pekko's stored envelopes; never change it. */
  public static final int IDENTIFIER = 71_070_001;

  private static final CodecRegistry REGISTRY =
      new CodecRegistry(Stream.of(LedgerCodecs.all(), NetworkCodecs.all(), SubnetCodecs.all(), ParticipantCodecs.all()).flatMap(List::stream).toList());

  /** The registry of every persisted type, shared by the serializer and the golden tests. */
  public static CodecRegistry registry() {
    return REGISTRY;
  }

  /** The serializer Pekko builds from reference.conf. */
  public FabricSerializer() {
    super(IDENTIFIER, REGISTRY);
  }
}
