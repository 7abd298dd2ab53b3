package io.taofabric.transport.validator;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.NonceSource;
import io.taofabric.core.crypto.Signatures;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.transport.Counters;
import io.taofabric.transport.wire.MalformedFrameException;
import io.taofabric.transport.wire.RejectReason;
import io.taofabric.transport.wire.RequestCodec;
import io.taofabric.transport.wire.ResponseCodec;
import io.taofabric.transport.wire.ResponseHeader;
import io.taofabric.transport.wire.Status;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.collections.Object2IntHashMap;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A validator's fan-out: one publication per miner, one reply subscription. {@link #query} signs the
 * query once, offers it to every miner, and collects the verified replies until all have answered or
 * the deadline has passed; it never returns later than the deadline plus one poll. Not thread-safe:
 * one validator loop owns it (rounds may not overlap).
 */
public final class FanOut implements AutoCloseable {
  /** What the fan-out counts. */
  public enum Counter {
    /** Requests handed to a miner's publication. */
    SENT,
    /** Offers refused by a publication (not connected yet, or back-pressured), then retried. */
    BACK_PRESSURED,
    /** Verified replies taken into a round. */
    REPLIES,
    /** Replies for an earlier round, a second reply, or past the deadline. */
    LATE,
    /** Reply frames over the size cap, dropped. */
    OVERSIZE,
    /** Reply frames that are not a version-1 response, dropped. */
    MALFORMED,
    /** Replies from an unknown hotkey or with a signature or body that does not verify, dropped. */
    FORGED
  }

  private static final int FRAGMENT_LIMIT = 16;

  private final SigningKey identity;
  private final FanOutSettings settings;
  private final IdleStrategy idle;
  private final EpochClock clock;
  private final NanoClock nanoClock;
  private final NonceSource nonces;
  private final String[] hotkeys;
  private final PublicKey[] keys;
  private final Object2IntHashMap<String> indexByHotkey = new Object2IntHashMap<>(-1);
  private final ExclusivePublication[] publications;
  private final Subscription replies;
  private final Counters<Counter> counters = new Counters<>(Counter.class);
  private final FragmentHandler onReply = new FragmentAssembler(this::onReply);
  private final Output output;
  private final UnsafeBuffer sendBuffer = new UnsafeBuffer(0, 0);
  private final byte[] frame;
  private final Input input = new Input();

  private final boolean[] sent;
  private final Status[] statuses;
  private final RejectReason[] reasons;
  private final long[] latencies;
  private final byte[][] answers;
  private long requestId;
  private long deadlineNs;
  private int answered;

  /** A fan-out to {@code miners}, signing as {@code identity}; it adds its publications at once. */
  public FanOut(
      Aeron aeron,
      SigningKey identity,
      FanOutSettings settings,
      List<MinerTarget> miners,
      IdleStrategy idle,
      EpochClock clock,
      NanoClock nanoClock) {
    this.identity = identity;
    this.settings = settings;
    this.idle = idle;
    this.clock = clock;
    this.nanoClock = nanoClock;
    this.nonces = new NonceSource(() -> clock.time() * 1_000);
    int n = miners.size();
    this.hotkeys = new String[n];
    this.keys = new PublicKey[n];
    this.publications = new ExclusivePublication[n];
    this.replies = aeron.addSubscription(settings.replyChannel(), settings.replyStreamId());
    for (int i = 0; i < n; i++) {
      MinerTarget miner = miners.get(i);
      hotkeys[i] = miner.hotkey();
      keys[i] = Hotkeys.publicKey(Hotkeys.raw(miner.hotkey()));
      if (indexByHotkey.put(miner.hotkey(), i) != -1) {
        throw new IllegalArgumentException("miner listed twice: " + miner.hotkey());
      }
      publications[i] = aeron.addExclusivePublication(miner.channel(), miner.streamId());
    }
    this.output = new Output(settings.maxFrameBytes(), settings.maxFrameBytes());
    this.frame = new byte[settings.maxFrameBytes()];
    this.sent = new boolean[n];
    this.statuses = new Status[n];
    this.reasons = new RejectReason[n];
    this.latencies = new long[n];
    this.answers = new byte[n][];
  }

  /** The fan-out's counters, readable from any thread. */
  public Counters<Counter> counters() {
    return counters;
  }

  /**
   * Waits until every miner's endpoint is connected, or {@code timeout}; a round started earlier
   * reports the unconnected ones UNREACHABLE.
   */
  public boolean awaitConnected(Duration timeout) {
    long endNs = nanoClock.nanoTime() + timeout.toNanos();
    for (ExclusivePublication publication : publications) {
      while (!publication.isConnected()) {
        if (nanoClock.nanoTime() >= endNs) {
          return false;
        }
        idle.idle();
      }
    }
    idle.reset();
    return true;
  }

  /**
   * One round: sends {@code query} to every miner and collects answers until all have replied or
   * {@code timeout} has passed.
   *
   * @throws IllegalArgumentException when the request would exceed the frame bound
   */
  public FanOutResult query(byte[] query, Duration timeout) {
    long startNs = nanoClock.nanoTime();
    deadlineNs = startNs + timeout.toNanos();
    requestId = nonces.next();
    int length =
        RequestCodec.encode(
            output,
            identity,
            requestId,
            clock.time() + timeout.toMillis(),
            settings.replyChannel(),
            settings.replyStreamId(),
            query);
    sendBuffer.wrap(output.getBuffer(), 0, length);
    Arrays.fill(sent, false);
    Arrays.fill(statuses, null);
    answered = 0;
    int unsent = publications.length;
    while (answered < publications.length) {
      int work = 0;
      if (unsent > 0) {
        int newlySent = send(length);
        unsent -= newlySent;
        work += newlySent;
      }
      work += replies.poll(onReply, FRAGMENT_LIMIT);
      if (nanoClock.nanoTime() >= deadlineNs) {
        break;
      }
      idle.idle(work);
    }
    idle.reset();
    return new FanOutResult(requestId, nanoClock.nanoTime() - startNs, results());
  }

  @Override
  public void close() {
    replies.close();
    for (ExclusivePublication publication : publications) {
      publication.close();
    }
  }

  private int send(int length) {
    int newlySent = 0;
    for (int i = 0; i < publications.length; i++) {
      if (!sent[i]) {
        if (publications[i].offer(sendBuffer, 0, length) >= 0) {
          sent[i] = true;
          newlySent++;
          counters.increment(Counter.SENT);
        } else {
          counters.increment(Counter.BACK_PRESSURED);
        }
      }
    }
    return newlySent;
  }

  private void onReply(DirectBuffer buffer, int offset, int length, Header header) {
    if (length > frame.length) {
      counters.increment(Counter.OVERSIZE);
      return;
    }
    buffer.getBytes(offset, frame, 0, length);
    input.setBuffer(frame, 0, length);
    try {
      ResponseHeader reply = ResponseCodec.readHeader(input);
      int i = indexByHotkey.getValue(reply.miner());
      if (reply.requestId() != requestId || (i >= 0 && statuses[i] != null) || nanoClock.nanoTime() >= deadlineNs) {
        counters.increment(Counter.LATE);
        return;
      }
      byte[] body = ResponseCodec.readBody(input);
      if (i < 0
          || !Signatures.verify(keys[i], frame, 0, reply.signedLength(), reply.signature())
          || !Arrays.equals(BodyHash.sha256(body), reply.bodyHash())) {
        counters.increment(Counter.FORGED);
        return;
      }
      statuses[i] = reply.status();
      reasons[i] = reply.reason();
      latencies[i] = reply.minerLatencyNs();
      answers[i] = body;
      answered++;
      counters.increment(Counter.REPLIES);
    } catch (MalformedFrameException e) {
      counters.increment(Counter.MALFORMED);
    }
  }

  private List<MinerResult> results() {
    List<MinerResult> results = new ArrayList<>(hotkeys.length);
    for (int i = 0; i < hotkeys.length; i++) {
      if (statuses[i] != null) {
        results.add(new MinerResult(hotkeys[i], statuses[i], reasons[i], latencies[i], answers[i]));
      } else {
        Status status = sent[i] ? Status.TIMEOUT : Status.UNREACHABLE;
        results.add(new MinerResult(hotkeys[i], status, RejectReason.NONE, -1, new byte[0]));
      }
    }
    return results;
  }
}
