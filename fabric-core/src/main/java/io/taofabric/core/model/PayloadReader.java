package io.taofabric.core.model;

import java.nio.ByteBuffer;

/** Reads a payload's fields, refusing truncated input, oversized lengths and trailing bytes. */
final class PayloadReader {
  private final String kind;
  private final ByteBuffer buffer;

  PayloadReader(String kind, byte[] payload) {
    this.kind = kind;
    this.buffer = ByteBuffer.wrap(payload);
  }

  int u8(String field) throws MalformedPayloadException {
    need(1, field);
    return buffer.get() & 0xFF;
  }

  int i32(String field) throws MalformedPayloadException {
    need(Integer.BYTES, field);
    return buffer.getInt();
  }

  Doubles doubles(String field, int maxCount) throws MalformedPayloadException {
    int count = i32(field + " count");
    if (count < 0 || count > maxCount) {
      throw malformed(field + " count " + count + " is outside 0.." + maxCount);
    }
    need((long) count * Double.BYTES, field);
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = buffer.getDouble();
    }
    return Doubles.of(values);
  }

  void end() throws MalformedPayloadException {
    if (buffer.hasRemaining()) {
      throw malformed(buffer.remaining() + " unexpected bytes after the last field");
    }
  }

  MalformedPayloadException malformed(String problem) {
    return new MalformedPayloadException(kind + ": " + problem);
  }

  private void need(long bytes, String field) throws MalformedPayloadException {
    if (buffer.remaining() < bytes) {
      throw malformed("truncated in " + field + " (needs " + bytes + " bytes, " + buffer.remaining() + " left)");
    }
  }
}
