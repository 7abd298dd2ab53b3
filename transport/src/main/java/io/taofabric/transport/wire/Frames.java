package io.taofabric.transport.wire;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.SigningKey;
import java.util.function.Supplier;

/** What requests and responses share: the version byte, the signed-header-then-body tail, bounds. */
final class Frames {
  /** The format version this code writes and the only one it reads. */
  static final int VERSION = 1;

  private Frames() {}

  /** Signs the header written so far, then appends the signature and the body. */
  static int signAndAppendBody(Output out, SigningKey signer, byte[] body) {
    int signed = out.position();
    out.writeBytes(signer.sign(out.getBuffer(), 0, signed));
    out.writeVarInt(body.length, true);
    out.writeBytes(body);
    return out.position();
  }

  /** The body after a header: its length must be exactly what is left of the frame. */
  static byte[] readBody(Input in) {
    return read(
        () -> {
          int length = in.readVarInt(true);
          if (length != in.limit() - in.position()) {
            throw new MalformedFrameException("body length " + length + " does not match the frame");
          }
          return in.readBytes(length);
        });
  }

  static void requireVersion(Input in) {
    int version = in.readByte() & 0xff;
    if (version != VERSION) {
      throw new MalformedFrameException("unknown version " + version);
    }
  }

  /** Runs a read, turning Kryo's underflow and encoding errors into a malformed frame. */
  static <T> T read(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (KryoException e) {
      throw new MalformedFrameException(e.getMessage());
    }
  }

  /** Runs a write into a bounded output, turning an overflow into the caller's error. */
  static int write(Output out, Supplier<Integer> writer) {
    try {
      return writer.get();
    } catch (KryoException e) {
      throw new IllegalArgumentException("the frame exceeds " + out.getBuffer().length + " bytes", e);
    }
  }

  /** A fresh output for the signed part of a header alone. */
  static Output headerOutput() {
    return new Output(256, 4096);
  }

  /** The body hash length, checked here so both codecs read it the same way. */
  static byte[] readHash(Input in) {
    return in.readBytes(BodyHash.LENGTH);
  }
}
