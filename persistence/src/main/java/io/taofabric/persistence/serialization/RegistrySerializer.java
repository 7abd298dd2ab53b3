package io.taofabric.persistence.serialization;

import org.apache.pekko.serialization.JSerializer;

/**
 * A Pekko serializer whose every type has its own versioned codec in a {@link CodecRegistry}: the
 * frame carries the type id and version, so no manifest is needed and Java serialization never is.
 */
public abstract class RegistrySerializer extends JSerializer {
  private final int identifier;
  private final CodecRegistry registry;

  /** A serializer with id {@code identifier} (never to change once bytes exist) over {@code registry}. */
  protected RegistrySerializer(int identifier, CodecRegistry registry) {
    this.identifier = identifier;
    this.registry = registry;
  }

  @Override
  public final int identifier() {
    return identifier;
  }

  @Override
  public final boolean includeManifest() {
    return false;
  }

  @Override
  public final byte[] toBinary(Object o) {
    return registry.encode(o);
  }

  @Override
  public final Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
    return registry.decode(bytes);
  }
}
