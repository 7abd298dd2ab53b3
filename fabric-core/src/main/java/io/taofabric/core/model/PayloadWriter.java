package io.taofabric.core.model;

import java.nio.ByteBuffer;

/** Writes a payload's fields big-endian into a buffer sized for them beforehand. */
final class PayloadWriter {
  private final ByteBuffer buffer;

  PayloadWriter(int bytes) {
    buffer = ByteBuffer.allocate(bytes);
  }

  /** The bytes {@link #doubles} writes for {@code values}. */
  static int sizeOf(Doubles values) {
    return Integer.BYTES + values.size() * Double.BYTES;
  }

  PayloadWriter u8(int value) {
    buffer.put((byte) value);
    return this;
  }

  PayloadWriter i32(int value) {
    buffer.putInt(value);
    return this;
  }

  PayloadWriter doubles(Doubles values) {
    buffer.putInt(values.size());
    for (int i = 0; i < values.size(); i++) {
      buffer.putDouble(values.get(i));
    }
    return this;
  }

  byte[] bytes() {
    return buffer.array();
  }
}
