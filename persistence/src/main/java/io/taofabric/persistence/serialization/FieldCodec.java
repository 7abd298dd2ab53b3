package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Identity of a codec plus the field helpers every hand-written layout uses; the base of the
 * stored forms here and of the cluster message forms in {@code actors}.
 */
public abstract class FieldCodec<T> implements VersionedCodec<T> {
  private final Class<T> type;
  private final int typeId;
  private final int currentVersion;

  /** A codec of {@code type} under {@code typeId}, writing {@code currentVersion}. */
  protected FieldCodec(Class<T> type, int typeId, int currentVersion) {
    this.type = type;
    this.typeId = typeId;
    this.currentVersion = currentVersion;
  }

  @Override
  public final Class<T> type() {
    return type;
  }

  @Override
  public final int typeId() {
    return typeId;
  }

  @Override
  public final int currentVersion() {
    return currentVersion;
  }

  /** Writes a string field. */
  protected static void string(Output out, String value) {
    out.writeString(value);
  }

  /** A string field that must be present. */
  protected static String string(Input in, String field) {
    String s = in.readString();
    if (s == null) {
      throw new CorruptPayloadException(field + " is missing");
    }
    return s;
  }

  /** A count of repeated entries, bounded so a corrupt count cannot allocate without limit. */
  protected static int count(Input in, String field) {
    int n = in.readVarInt(true);
    if (n < 0 || n > in.limit()) {
      throw new CorruptPayloadException(field + " count " + n + " exceeds the payload");
    }
    return n;
  }
}
