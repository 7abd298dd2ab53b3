package io.taofabric.transport.wire;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.Signatures;
import io.taofabric.core.crypto.SigningKey;

/** Writes and reads request frames (layout in {@link io.taofabric.transport.wire}). Stateless. */
public final class RequestCodec {
  /** Longest reply channel accepted: Aeron channel URIs are short, and a bound keeps reads bounded. */
  static final int MAX_CHANNEL_CHARS = 512;

  private RequestCodec() {}

  /**
   * Writes a signed request into {@code out} from position 0.
   *
   * @return the frame's length in {@code out.getBuffer()}
   * @throws IllegalArgumentException when the frame would exceed {@code out}'s maximum size
   */
  public static int encode(
      Output out, SigningKey caller, long nonce, long deadlineMs, String replyChannel, int replyStreamId, byte[] body) {
    return Frames.write(
        out,
        () -> {
          out.reset();
          writeSigned(out, caller.rawHotkey(), nonce, deadlineMs, replyChannel, replyStreamId, BodyHash.sha256(body));
          return Frames.signAndAppendBody(out, caller, body);
        });
  }

  /**
   * The bytes {@code header}'s signature covers, rebuilt from its fields: for carriers that move the
   * header fields some other way (the HTTP/JSON baseline) but must verify the same signature.
   */
  public static byte[] signedBytes(RequestHeader header) {
    Output out = Frames.headerOutput();
    writeSigned(
        out,
        header.callerRaw(),
        header.nonce(),
        header.deadlineMs(),
        header.replyChannel(),
        header.replyStreamId(),
        header.bodyHash());
    return out.toBytes();
  }

  /**
   * Reads a request's header, leaving {@code in} at the body.
   *
   * @throws MalformedFrameException when the bytes are not a version-1 request header
   */
  public static RequestHeader readHeader(Input in) {
    return Frames.read(
        () -> {
          Frames.requireVersion(in);
          byte[] caller = in.readBytes(Hotkeys.RAW_LENGTH);
          long nonce = in.readLong();
          long deadlineMs = in.readLong();
          int replyStreamId = in.readInt();
          String replyChannel = in.readString();
          if (replyChannel == null || replyChannel.isEmpty() || replyChannel.length() > MAX_CHANNEL_CHARS) {
            throw new MalformedFrameException("reply channel missing or too long");
          }
          byte[] bodyHash = Frames.readHash(in);
          int signedLength = in.position();
          byte[] signature = in.readBytes(Signatures.LENGTH);
          return new RequestHeader(
              Hotkeys.of(caller), caller, nonce, deadlineMs, replyChannel, replyStreamId, bodyHash, signature, signedLength);
        });
  }

  /**
   * Reads the body after {@link #readHeader}.
   *
   * @throws MalformedFrameException when the body length does not match the rest of the frame
   */
  public static byte[] readBody(Input in) {
    return Frames.readBody(in);
  }

  private static void writeSigned(
      Output out, byte[] callerRaw, long nonce, long deadlineMs, String replyChannel, int replyStreamId, byte[] bodyHash) {
    out.writeByte(Frames.VERSION);
    out.writeBytes(callerRaw);
    out.writeLong(nonce);
    out.writeLong(deadlineMs);
    out.writeInt(replyStreamId);
    out.writeString(replyChannel);
    out.writeBytes(bodyHash);
  }
}
