package io.taofabric.transport.miner;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.exceptions.AeronException;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.transport.Counters;
import io.taofabric.transport.wire.MalformedFrameException;
import io.taofabric.transport.wire.RejectReason;
import io.taofabric.transport.wire.RequestCodec;
import io.taofabric.transport.wire.RequestHeader;
import io.taofabric.transport.wire.ResponseCodec;
import io.taofabric.transport.wire.Status;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A miner's query endpoint, as an Agrona {@link Agent}: each duty cycle retries replies the network
 * refused, polls requests (checked on their header by a {@link RequestGuard} before the body is read,
 * then queued by caller stake), and serves a bounded number of them from the {@link Model}. Replies go
 * to the reply channel each request names, one publication per validator. Back pressure is an
 * OVERLOADED reply, a model failure a MODEL_ERROR reply; work whose deadline passed in the queue is
 * dropped (the validator has stopped waiting and reports TIMEOUT itself). Latency is measured from
 * the receipt of the request. Runs on one thread: an {@code AgentRunner}, or composed with others.
 */
public final class MinerEndpoint implements Agent, AutoCloseable {
  /** What the endpoint counts. */
  public enum Counter {
    /** Frames received. */
    RECEIVED,
    /** Frames over the size cap, dropped. */
    OVERSIZE,
    /** Frames that are not a version-1 request, dropped. */
    MALFORMED,
    /** Requests refused (REJECTED replies). */
    REJECTED,
    /** Requests that lost their place in the queue (OVERLOADED replies). */
    OVERLOADED,
    /** Queued requests whose deadline passed before the model could run, dropped. */
    EXPIRED,
    /** Model failures (MODEL_ERROR replies). */
    MODEL_ERROR,
    /** Answers sent (OK replies). */
    ANSWERED,
    /** Replies with no publication to use (refused strangers), or not published before their deadline. */
    REPLY_DROPPED
  }

  private record Work(RequestHeader header, byte[] body, long receiptNs) {}

  private record PendingReply(Publication publication, byte[] frame, long deadlineMs) {}

  private static final int FRAGMENT_LIMIT = 16;
  private static final byte[] NO_BODY = new byte[0];

  private final Aeron aeron;
  private final MinerSettings settings;
  private final SigningKey identity;
  private final Model model;
  private final EpochClock clock;
  private final NanoClock nanoClock;
  private final RequestGuard guard;
  private final Subscription subscription;
  private final StakeQueue<Work> queue;
  private final Counters<Counter> counters = new Counters<>(Counter.class);
  private final Map<String, Publication> replies = new HashMap<>();
  private final ArrayDeque<PendingReply> unsent = new ArrayDeque<>();
  private final FragmentHandler onRequest = new FragmentAssembler(this::onRequest);
  private final byte[] frame;
  private final Input input = new Input();
  private final Output output;
  private final UnsafeBuffer sendBuffer = new UnsafeBuffer(0, 0);
  private long nowMs;

  /** An endpoint answering as {@code identity}; it subscribes at once. */
  public MinerEndpoint(
      Aeron aeron,
      MinerSettings settings,
      SigningKey identity,
      CallerPolicy policy,
      Model model,
      EpochClock clock,
      NanoClock nanoClock) {
    this.aeron = aeron;
    this.settings = settings;
    this.identity = identity;
    this.model = model;
    this.clock = clock;
    this.nanoClock = nanoClock;
    this.guard = new RequestGuard(policy);
    this.queue = new StakeQueue<>(settings.queueCapacity());
    this.frame = new byte[settings.maxFrameBytes()];
    this.output = new Output(settings.maxFrameBytes(), settings.maxFrameBytes());
    this.subscription = aeron.addSubscription(settings.channel(), settings.streamId());
  }

  /** The hotkey this endpoint answers as. */
  public String hotkey() {
    return identity.hotkey();
  }

  /** The endpoint's counters, readable from any thread. */
  public Counters<Counter> counters() {
    return counters;
  }

  /** Whether a validator's publication has connected to this endpoint. */
  public boolean isConnected() {
    return subscription.isConnected();
  }

  @Override
  public int doWork() {
    nowMs = clock.time();
    int work = retryUnsent();
    work += subscription.poll(onRequest, FRAGMENT_LIMIT);
    return work + serve();
  }

  @Override
  public String roleName() {
    return "miner-endpoint-" + identity.hotkey().substring(0, 8);
  }

  @Override
  public void onClose() {
    close();
  }

  @Override
  public void close() {
    subscription.close();
    replies.values().forEach(Publication::close);
    replies.clear();
  }

  private void onRequest(DirectBuffer buffer, int offset, int length, Header header) {
    long receiptNs = nanoClock.nanoTime();
    counters.increment(Counter.RECEIVED);
    if (length > frame.length) {
      counters.increment(Counter.OVERSIZE);
      return;
    }
    buffer.getBytes(offset, frame, 0, length);
    input.setBuffer(frame, 0, length);
    RequestHeader request;
    byte[] body;
    try {
      request = RequestCodec.readHeader(input);
      RequestGuard.Admission admission = guard.admit(request, frame, nowMs);
      if (admission.reason() != RejectReason.NONE) {
        reject(request, admission.reason(), receiptNs, false);
        return;
      }
      body = RequestCodec.readBody(input);
      RejectReason reason = guard.accept(request, body);
      if (reason != RejectReason.NONE) {
        reject(request, reason, receiptNs, true);
        return;
      }
      Work loser = queue.offer(admission.stake(), new Work(request, body, receiptNs));
      if (loser != null) {
        counters.increment(Counter.OVERLOADED);
        reply(loser.header(), Status.OVERLOADED, RejectReason.NONE, loser.receiptNs(), NO_BODY);
      }
    } catch (MalformedFrameException e) {
      counters.increment(Counter.MALFORMED);
    }
  }

  private int serve() {
    int served = 0;
    Work work;
    while (served < settings.workPerCycle() && (work = queue.poll()) != null) {
      served++;
      if (clock.time() >= work.header().deadlineMs()) {
        counters.increment(Counter.EXPIRED);
        continue;
      }
      byte[] answer;
      try {
        answer = model.answer(work.body());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer = null;
      } catch (Exception e) {
        answer = null;
      }
      if (answer == null) {
        counters.increment(Counter.MODEL_ERROR);
        reply(work.header(), Status.MODEL_ERROR, RejectReason.NONE, work.receiptNs(), NO_BODY);
      } else {
        counters.increment(Counter.ANSWERED);
        reply(work.header(), Status.OK, RejectReason.NONE, work.receiptNs(), answer);
      }
    }
    return served;
  }

  /**
   * Refuses a request. One refused on its header is not authenticated: it is answered only over a
   * reply publication a genuine request already opened, so strangers can neither make the endpoint
   * open publications without bound nor aim its replies at a third party.
   */
  private void reject(RequestHeader request, RejectReason reason, long receiptNs, boolean authenticated) {
    counters.increment(Counter.REJECTED);
    reply(request, Status.REJECTED, reason, receiptNs, NO_BODY, authenticated);
  }

  private void reply(RequestHeader request, Status status, RejectReason reason, long receiptNs, byte[] body) {
    reply(request, status, reason, receiptNs, body, true);
  }

  private void reply(
      RequestHeader request, Status status, RejectReason reason, long receiptNs, byte[] body, boolean mayOpen) {
    Publication publication = replyPublication(request, mayOpen);
    if (publication == null) {
      counters.increment(Counter.REPLY_DROPPED);
      return;
    }
    int length;
    try {
      length =
          ResponseCodec.encode(
              output, identity, status, reason, request.nonce(), nanoClock.nanoTime() - receiptNs, body);
    } catch (IllegalArgumentException tooLarge) {
      counters.increment(Counter.MODEL_ERROR);
      length =
          ResponseCodec.encode(
              output, identity, Status.MODEL_ERROR, RejectReason.NONE, request.nonce(), nanoClock.nanoTime() - receiptNs, NO_BODY);
    }
    sendBuffer.wrap(output.getBuffer(), 0, length);
    if (publication.offer(sendBuffer, 0, length) < 0) {
      byte[] copy = new byte[length];
      System.arraycopy(output.getBuffer(), 0, copy, 0, length);
      if (unsent.size() < settings.queueCapacity()) {
        unsent.add(new PendingReply(publication, copy, request.deadlineMs()));
      } else {
        counters.increment(Counter.REPLY_DROPPED);
      }
    }
  }

  /**
   * Offers each reply the network refused once more (a validator's first reply publication is not
   * connected yet, or it is back-pressured), until the request's deadline.
   */
  private int retryUnsent() {
    int count = unsent.size();
    int sent = 0;
    for (int i = 0; i < count; i++) {
      PendingReply pending = unsent.poll();
      sendBuffer.wrap(pending.frame());
      if (pending.publication().offer(sendBuffer, 0, pending.frame().length) >= 0) {
        sent++;
      } else if (nowMs < pending.deadlineMs()) {
        unsent.add(pending);
      } else {
        counters.increment(Counter.REPLY_DROPPED);
      }
    }
    return sent;
  }

  /**
   * The publication to the request's reply address, added on the validator's first request. Adding
   * one waits for the driver (about a millisecond), once per validator; only an authenticated
   * request ({@code mayOpen}) may add one. Null when there is none to use.
   */
  private Publication replyPublication(RequestHeader request, boolean mayOpen) {
    String key = request.replyStreamId() + "|" + request.replyChannel();
    Publication publication = replies.get(key);
    if (publication == null && mayOpen) {
      try {
        publication = aeron.addPublication(request.replyChannel(), request.replyStreamId());
      } catch (AeronException | IllegalArgumentException e) {
        return null;
      }
      replies.put(key, publication);
    }
    return publication;
  }
}
