package io.taofabric.core.model;

/** The frame every task payload shares: format version, kind, fields, nothing after them. */
abstract class TaskCodec<T> implements PayloadCodec<T> {
  private final String kindName;
  private final int kind;

  TaskCodec(String kindName, int kind) {
    this.kindName = kindName;
    this.kind = kind;
  }

  /** The bytes {@link #write} needs for {@code value}'s fields. */
  abstract int fieldBytes(T value);

  abstract void write(T value, PayloadWriter out);

  /** The value in {@code in}; a constructor's {@link IllegalArgumentException} counts as malformed. */
  abstract T read(PayloadReader in) throws MalformedPayloadException;

  @Override
  public final byte[] encode(T value) {
    PayloadWriter out = new PayloadWriter(2 + fieldBytes(value)).u8(TaskCodecs.FORMAT_VERSION).u8(kind);
    write(value, out);
    return out.bytes();
  }

  @Override
  public final T decode(byte[] payload) throws MalformedPayloadException {
    if (payload == null) {
      throw new MalformedPayloadException(kindName + ": no payload");
    }
    PayloadReader in = new PayloadReader(kindName, payload);
    int version = in.u8("format version");
    if (version != TaskCodecs.FORMAT_VERSION) {
      throw in.malformed("format version " + version + " is unknown; this reader knows " + TaskCodecs.FORMAT_VERSION);
    }
    int actualKind = in.u8("kind");
    if (actualKind != kind) {
      throw in.malformed("kind " + actualKind + " is not a " + kindName + " (" + kind + ")");
    }
    T value;
    try {
      value = read(in);
    } catch (IllegalArgumentException e) {
      throw in.malformed(e.getMessage());
    }
    in.end();
    return value;
  }
}
