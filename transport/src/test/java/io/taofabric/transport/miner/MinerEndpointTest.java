package io.taofabric.transport.miner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.wire.RejectReason;
import io.taofabric.transport.wire.RequestCodec;
import io.taofabric.transport.wire.ResponseCodec;
import io.taofabric.transport.wire.ResponseHeader;
import io.taofabric.transport.wire.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The endpoint driven on the test thread ({@code doWork}), fed hand-made frames over IPC. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MinerEndpointTest {
  private static final String IPC = "aeron:ipc";
  private static final SigningKey MINER = SigningKey.generate();
  private static final SigningKey RICH = SigningKey.generate();
  private static final SigningKey MIDDLE = SigningKey.generate();
  private static final SigningKey POOR = SigningKey.generate();
  private static final SigningKey STRANGER = SigningKey.generate();
  private static final CallerPolicy POLICY =
      CallerPolicy.of(Map.of(RICH.hotkey(), 30L, MIDDLE.hotkey(), 20L, POOR.hotkey(), 10L));
  private static final AtomicInteger STREAMS = new AtomicInteger(100);

  private static AeronNode node;

  private final int requestStream = STREAMS.incrementAndGet();
  private final int replyStream = STREAMS.incrementAndGet();
  private final List<String> modelCalls = new ArrayList<>();
  private final Output output = new Output(8 * 1024, 8 * 1024);
  private MinerEndpoint endpoint;
  private Publication requests;
  private Subscription replies;

  @BeforeAll
  static void startNode() {
    node = AeronNode.launch(AeronNode.Settings.defaults());
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @AfterEach
  void closeEndpoint() {
    endpoint.close();
    requests.close();
    replies.close();
  }

  private void start(MinerSettings settings) {
    endpoint =
        new MinerEndpoint(
            node.aeron(),
            settings,
            MINER,
            POLICY,
            query -> {
              String text = new String(query, StandardCharsets.UTF_8);
              modelCalls.add(text);
              return ("echo " + text).getBytes(StandardCharsets.UTF_8);
            },
            SystemEpochClock.INSTANCE,
            SystemNanoClock.INSTANCE);
    requests = node.aeron().addPublication(IPC, requestStream);
    replies = node.aeron().addSubscription(IPC, replyStream);
  }

  private void start() {
    start(MinerSettings.of(IPC, requestStream));
  }

  private byte[] request(SigningKey caller, long nonce, String query) {
    int length =
        RequestCodec.encode(
            output,
            caller,
            nonce,
            System.currentTimeMillis() + 5_000,
            IPC,
            replyStream,
            query.getBytes(StandardCharsets.UTF_8));
    return Arrays.copyOf(output.getBuffer(), length);
  }

  private void send(byte[] frame) {
    UnsafeBuffer buffer = new UnsafeBuffer(frame);
    while (requests.offer(buffer, 0, frame.length) < 0) {
      endpoint.doWork();
    }
  }

  private record Reply(ResponseHeader header, byte[] body) {}

  /** Runs the endpoint until {@code count} replies have arrived. */
  private List<Reply> awaitReplies(int count) {
    List<Reply> received = new ArrayList<>();
    while (received.size() < count) {
      endpoint.doWork();
      replies.poll(
          (buffer, offset, length, header) -> {
            byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            Input in = new Input(bytes);
            ResponseHeader reply = ResponseCodec.readHeader(in);
            received.add(new Reply(reply, ResponseCodec.readBody(in)));
          },
          10);
    }
    return received;
  }

  /** Runs the endpoint until it has received {@code frames} frames. */
  private void awaitReceived(long frames) {
    while (endpoint.counters().get(MinerEndpoint.Counter.RECEIVED) < frames) {
      endpoint.doWork();
    }
  }

  @Test
  void shouldAnswerASignedRequestFromAPermittedValidator() {
    start();

    send(request(RICH, 1, "hello"));
    Reply reply = awaitReplies(1).get(0);

    assertEquals(Status.OK, reply.header().status());
    assertEquals(MINER.hotkey(), reply.header().miner());
    assertEquals(1, reply.header().requestId());
    assertTrue(reply.header().minerLatencyNs() > 0);
    assertArrayEquals("echo hello".getBytes(StandardCharsets.UTF_8), reply.body());
  }

  @Test
  void shouldRejectANonPermittedCallerWithoutCallingTheModel() {
    start();

    send(request(STRANGER, 1, "let me in"));
    awaitReceived(1);
    endpoint.doWork();

    assertEquals(List.of(), modelCalls);
    assertEquals(1, endpoint.counters().get(MinerEndpoint.Counter.REJECTED));
    assertEquals(1, endpoint.counters().get(MinerEndpoint.Counter.REPLY_DROPPED), "no reply address opened for strangers");
  }

  @Test
  void shouldRejectAReplayedNonce() {
    start();
    byte[] frame = request(RICH, 7, "once");

    send(frame);
    Reply first = awaitReplies(1).get(0);
    send(frame);
    Reply replayed = awaitReplies(1).get(0);

    assertEquals(Status.OK, first.header().status());
    assertEquals(Status.REJECTED, replayed.header().status());
    assertEquals(RejectReason.REPLAYED_NONCE, replayed.header().reason());
    assertEquals(List.of("once"), modelCalls);
  }

  @Test
  void shouldRejectATamperedSignatureAndATamperedBody() {
    start();
    send(request(RICH, 1, "genuine"));
    awaitReplies(1);
    byte[] badSignature = request(RICH, 2, "forged");
    badSignature[badSignature.length - "forged".length() - 2] ^= 1;
    byte[] badBody = request(RICH, 3, "forged");
    badBody[badBody.length - 1] ^= 1;

    send(badSignature);
    send(badBody);
    List<Reply> received = awaitReplies(2);

    assertEquals(RejectReason.BAD_SIGNATURE, received.get(0).header().reason());
    assertEquals(RejectReason.BODY_MISMATCH, received.get(1).header().reason());
    assertEquals(List.of("genuine"), modelCalls);
  }

  @Test
  void shouldDropAndCountMalformedAndOversizeFrames() {
    start(new MinerSettings(IPC, requestStream, 4, 1, 512));
    byte[] truncated = Arrays.copyOf(request(RICH, 1, "cut short"), 60);
    byte[] wrongVersion = request(RICH, 2, "v9");
    wrongVersion[0] = 9;
    byte[] oversize = request(RICH, 3, "x".repeat(1_000));

    send(truncated);
    send(wrongVersion);
    send(oversize);
    awaitReceived(3);

    assertEquals(2, endpoint.counters().get(MinerEndpoint.Counter.MALFORMED));
    assertEquals(1, endpoint.counters().get(MinerEndpoint.Counter.OVERSIZE));
    assertEquals(List.of(), modelCalls);
  }

  @Test
  void shouldServeHigherStakeFirstAndOverloadTheLowestWhenTheQueueIsFull() {
    start(MinerSettings.of(IPC, requestStream).withQueue(2, 1));

    send(request(POOR, 1, "poor"));
    send(request(RICH, 1, "rich"));
    send(request(MIDDLE, 1, "middle"));
    List<Reply> received = awaitReplies(3);

    assertEquals(List.of("rich", "middle"), modelCalls);
    assertEquals(Status.OVERLOADED, received.get(0).header().status(), "the poorest lost its place first");
    assertEquals(1, endpoint.counters().get(MinerEndpoint.Counter.OVERLOADED));
  }
}
