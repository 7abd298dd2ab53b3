package io.taofabric.transport.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.crypto.SigningKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RequestCodecTest {
  private static final SigningKey CALLER = SigningKey.generate();

  @Test
  void shouldRoundTripARequestAndRebuildItsSignedBytes() {
    Output out = new Output(1024, 1024);
    byte[] body = {1, 2, 3};
    int length = RequestCodec.encode(out, CALLER, 42, 1_000, "aeron:ipc", 7, body);
    Input in = new Input(out.getBuffer(), 0, length);

    RequestHeader header = RequestCodec.readHeader(in);

    assertEquals(CALLER.hotkey(), header.caller());
    assertEquals(42, header.nonce());
    assertEquals("aeron:ipc", header.replyChannel());
    assertArrayEquals(body, RequestCodec.readBody(in));
    assertArrayEquals(Arrays.copyOf(out.getBuffer(), header.signedLength()), RequestCodec.signedBytes(header));
  }

  @Test
  void shouldRefuseTrailingBytesAndOversizeBodies() {
    Output out = new Output(1024, 1024);
    int length = RequestCodec.encode(out, CALLER, 1, 1_000, "aeron:ipc", 7, new byte[] {1});
    Input in = new Input(Arrays.copyOf(out.getBuffer(), length + 1));
    RequestCodec.readHeader(in);

    assertThrows(MalformedFrameException.class, () -> RequestCodec.readBody(in));
    assertThrows(
        IllegalArgumentException.class, () -> RequestCodec.encode(out, CALLER, 2, 1_000, "aeron:ipc", 7, new byte[2_000]));
  }
}
