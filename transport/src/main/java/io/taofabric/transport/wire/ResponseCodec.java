package io.taofabric.transport.wire;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.Signatures;
import io.taofabric.core.crypto.SigningKey;

/** Writes and reads response frames (layout in {@link io.taofabric.transport.wire}). Stateless. */
public final class ResponseCodec {
  private ResponseCodec() {}

  /**
   * Writes a signed response into {@code out} from position 0.
   *
   * @return the frame's length in {@code out.getBuffer()}
   * @throws IllegalArgumentException when the frame would exceed {@code out}'s maximum size
   */
  public static int encode(
      Output out,
      SigningKey miner,
      Status status,
      RejectReason reason,
      long requestId,
      long minerLatencyNs,
      byte[] body) {
    return Frames.write(
        out,
        () -> {
          out.reset();
          writeSigned(out, status, reason, miner.rawHotkey(), requestId, minerLatencyNs, BodyHash.sha256(body));
          return Frames.signAndAppendBody(out, miner, body);
        });
  }

  /** The bytes {@code header}'s signature covers, rebuilt from its fields (see {@link RequestCodec#signedBytes}). */
  public static byte[] signedBytes(ResponseHeader header) {
    Output out = Frames.headerOutput();
    writeSigned(
        out,
        header.status(),
        header.reason(),
        Hotkeys.raw(header.miner()),
        header.requestId(),
        header.minerLatencyNs(),
        header.bodyHash());
    return out.toBytes();
  }

  /**
   * Reads a response's header, leaving {@code in} at the body.
   *
   * @throws MalformedFrameException when the bytes are not a version-1 response header
   */
  public static ResponseHeader readHeader(Input in) {
    return Frames.read(
        () -> {
          Frames.requireVersion(in);
          Status status = Status.ofWire(in.readByte() & 0xff);
          RejectReason reason = RejectReason.ofWire(in.readByte() & 0xff);
          String miner = Hotkeys.of(in.readBytes(Hotkeys.RAW_LENGTH));
          long requestId = in.readLong();
          long minerLatencyNs = in.readLong();
          byte[] bodyHash = Frames.readHash(in);
          int signedLength = in.position();
          byte[] signature = in.readBytes(Signatures.LENGTH);
          return new ResponseHeader(status, reason, miner, requestId, minerLatencyNs, bodyHash, signature, signedLength);
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
      Output out,
      Status status,
      RejectReason reason,
      byte[] minerRaw,
      long requestId,
      long minerLatencyNs,
      byte[] bodyHash) {
    out.writeByte(Frames.VERSION);
    out.writeByte(status.code());
    out.writeByte(reason.code());
    out.writeBytes(minerRaw);
    out.writeLong(requestId);
    out.writeLong(minerLatencyNs);
    out.writeBytes(bodyHash);
  }
}
