package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of codecs (the persisted types', or the cluster messages'), by class and by type id. A
 * frame is the type id (varint), the version (one byte) and the codec's fields; anything else is
 * a {@link CorruptPayloadException}.
 */
public final class CodecRegistry {
  private static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

  private final Map<Class<?>, VersionedCodec<?>> byClass = new HashMap<>();
  private final Map<Integer, VersionedCodec<?>> byId = new HashMap<>();

  /** A registry of {@code codecs}; type ids and classes must be unique. */
  public CodecRegistry(List<VersionedCodec<?>> codecs) {
    for (VersionedCodec<?> c : codecs) {
      if (c.currentVersion() < 1 || c.currentVersion() > 127) {
        throw new IllegalArgumentException(c.type().getName() + ": version must be in [1, 127]");
      }
      if (byId.put(c.typeId(), c) != null) {
        throw new IllegalArgumentException("type id " + c.typeId() + " registered twice");
      }
      if (byClass.put(c.type(), c) != null) {
        throw new IllegalArgumentException(c.type().getName() + " registered twice");
      }
    }
  }

  /** Whether {@code type} has a codec. */
  public boolean handles(Class<?> type) {
    return byClass.containsKey(type);
  }

  /** The registered codecs. */
  public List<VersionedCodec<?>> codecs() {
    return List.copyOf(byId.values());
  }

  /** The frame of {@code value} in its codec's current version. */
  public byte[] encode(Object value) {
    try (Output out = new Output(256, MAX_FRAME_BYTES)) {
      write(out, value);
      return out.toBytes();
    }
  }

  /** Decodes a frame, whatever version of its type wrote it. */
  public Object decode(byte[] bytes) {
    if (bytes == null || bytes.length < 2) {
      throw new CorruptPayloadException("payload of " + (bytes == null ? 0 : bytes.length) + " bytes is too short");
    }
    try (Input in = new Input(bytes)) {
      VersionedCodec<?> codec = codecOf(in.readVarInt(true));
      int version = versionOf(codec, in.readByte());
      Object value = codec.read(in, version);
      if (in.position() != bytes.length) {
        throw new CorruptPayloadException(
            codec.type().getSimpleName() + " v" + version + ": " + (bytes.length - in.position()) + " trailing bytes");
      }
      return value;
    } catch (KryoException | IllegalArgumentException e) {
      if (e instanceof CorruptPayloadException c) {
        throw c;
      }
      throw new CorruptPayloadException("payload does not decode: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code value}'s whole frame into {@code out}: how one codec nests a value of another
   * type, which keeps its own type id and version.
   */
  public void write(Output out, Object value) {
    VersionedCodec<?> codec = byClass.get(value.getClass());
    if (codec == null) {
      throw new IllegalArgumentException("no codec registered for " + value.getClass().getName());
    }
    out.writeVarInt(codec.typeId(), true);
    out.writeByte(codec.currentVersion());
    writeWith(codec, out, value);
  }

  /**
   * Reads a frame {@link #write} nested in another codec's fields; called from that codec's
   * {@code read}, so the enclosing {@link #decode} turns any failure into a {@link
   * CorruptPayloadException}. A frame of another type than {@code expected} is corrupt.
   */
  public <T> T read(Input in, Class<T> expected) {
    VersionedCodec<?> codec = codecOf(in.readVarInt(true));
    if (!expected.isAssignableFrom(codec.type())) {
      throw new CorruptPayloadException(codec.type().getSimpleName() + " in place of " + expected.getSimpleName());
    }
    return expected.cast(codec.read(in, versionOf(codec, in.readByte())));
  }

  private VersionedCodec<?> codecOf(int typeId) {
    VersionedCodec<?> codec = byId.get(typeId);
    if (codec == null) {
      throw new CorruptPayloadException("unknown type id " + typeId);
    }
    return codec;
  }

  private static int versionOf(VersionedCodec<?> codec, int version) {
    if (version < 1 || version > codec.currentVersion()) {
      throw new CorruptPayloadException(
          codec.type().getSimpleName() + " version " + version + " is not one this build reads (1.." + codec.currentVersion() + ")");
    }
    return version;
  }

  @SuppressWarnings("unchecked")
  private static <T> void writeWith(VersionedCodec<T> codec, Output out, Object value) {
    codec.write(out, (T) value);
  }
}
