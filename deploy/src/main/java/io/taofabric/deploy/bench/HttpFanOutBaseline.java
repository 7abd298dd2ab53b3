package io.taofabric.deploy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taofabric.core.crypto.BodyHash;
import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.NonceSource;
import io.taofabric.core.crypto.Signatures;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.transport.miner.CallerPolicy;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.miner.RequestGuard;
import io.taofabric.transport.wire.RejectReason;
import io.taofabric.transport.wire.RequestCodec;
import io.taofabric.transport.wire.RequestHeader;
import io.taofabric.transport.wire.ResponseCodec;
import io.taofabric.transport.wire.ResponseHeader;
import io.taofabric.transport.wire.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The axon/dendrite way, as the fan-out benchmark's baseline: one small JDK {@link HttpServer} per
 * miner, one JDK {@link HttpClient} for the validator, JSON bodies. Both sides do the same signing
 * work as over Aeron: the same {@link RequestGuard}, the same signed header bytes (rebuilt from the
 * JSON fields), a signed reply verified by the validator.
 */
final class HttpFanOutBaseline implements AutoCloseable {
  /** The request as JSON: the header fields of the Aeron frame, hex and base64 for bytes. */
  record JsonRequest(String caller, long nonce, long deadlineMs, String bodyHash, String signature, String body) {}

  /** The reply as JSON. */
  record JsonReply(
      Status status, RejectReason reason, String miner, long requestId, long minerLatencyNs, String bodyHash, String signature, String body) {}

  /** Stands in for the reply address, which HTTP answers on the request's own connection. */
  private static final String REPLY_CHANNEL = "http";

  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<URI> uris = new ArrayList<>();
  private final List<String> minerHotkeys = new ArrayList<>();
  private final SigningKey validator;
  private final NonceSource nonces = new NonceSource(() -> System.currentTimeMillis() * 1_000);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  HttpFanOutBaseline(List<SigningKey> miners, SigningKey validator, CallerPolicy policy, Model model) throws IOException {
    this.validator = validator;
    for (SigningKey miner : miners) {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      RequestGuard guard = new RequestGuard(policy);
      // the server's single dispatcher thread runs the handler, so the guard stays confined to it
      server.createContext("/query", exchange -> serve(exchange, miner, guard, model));
      server.start();
      servers.add(server);
      uris.add(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/query"));
      minerHotkeys.add(miner.hotkey());
    }
  }

  /** One round: the same query to every miner, answers verified, until all replied or the timeout. */
  long[] round(byte[] query, Duration timeout) throws Exception {
    long nonce = nonces.next();
    long deadlineMs = System.currentTimeMillis() + timeout.toMillis();
    byte[] hash = BodyHash.sha256(query);
    RequestHeader header =
        new RequestHeader(validator.hotkey(), validator.rawHotkey(), nonce, deadlineMs, REPLY_CHANNEL, 0, hash, null, 0);
    byte[] signed = RequestCodec.signedBytes(header);
    JsonRequest request =
        new JsonRequest(
            validator.hotkey(), nonce, deadlineMs, HEX.formatHex(hash), HEX.formatHex(validator.sign(signed, 0, signed.length)), Base64.getEncoder().encodeToString(query));
    byte[] requestJson = JSON.writeValueAsBytes(request);
    List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>(uris.size());
    for (URI uri : uris) {
      calls.add(
          client.sendAsync(
              HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(requestJson)).build(),
              HttpResponse.BodyHandlers.ofByteArray()));
    }
    try {
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException late) {
      // the miners that did not answer in time count as timeouts below
    }
    long[] okAndFailed = new long[2];
    for (int i = 0; i < calls.size(); i++) {
      CompletableFuture<HttpResponse<byte[]>> call = calls.get(i);
      boolean ok = call.isDone() && !call.isCompletedExceptionally() && verified(call.join().body(), i, nonce);
      okAndFailed[ok ? 0 : 1]++;
    }
    return okAndFailed;
  }

  private boolean verified(byte[] json, int miner, long nonce) throws IOException {
    JsonReply reply = JSON.readValue(json, JsonReply.class);
    byte[] body = Base64.getDecoder().decode(reply.body());
    ResponseHeader header =
        new ResponseHeader(reply.status(), reply.reason(), reply.miner(), reply.requestId(), reply.minerLatencyNs(), HEX.parseHex(reply.bodyHash()), null, 0);
    byte[] signed = ResponseCodec.signedBytes(header);
    return reply.status() == Status.OK
        && reply.requestId() == nonce
        && reply.miner().equals(minerHotkeys.get(miner))
        && Arrays.equals(BodyHash.sha256(body), header.bodyHash())
        && Signatures.verify(Hotkeys.publicKey(Hotkeys.raw(reply.miner())), signed, 0, signed.length, HEX.parseHex(reply.signature()));
  }

  private static void serve(HttpExchange exchange, SigningKey miner, RequestGuard guard, Model model) throws IOException {
    long receiptNs = System.nanoTime();
    try {
      JsonRequest request = JSON.readValue(exchange.getRequestBody(), JsonRequest.class);
      RequestHeader header =
          new RequestHeader(
              request.caller(),
              Hotkeys.raw(request.caller()),
              request.nonce(),
              request.deadlineMs(),
              REPLY_CHANNEL,
              0,
              HEX.parseHex(request.bodyHash()),
              HEX.parseHex(request.signature()),
              0);
      byte[] signed = RequestCodec.signedBytes(header);
      header = new RequestHeader(header.caller(), header.callerRaw(), header.nonce(), header.deadlineMs(), REPLY_CHANNEL, 0, header.bodyHash(), header.signature(), signed.length);
      RejectReason reason = guard.admit(header, signed, System.currentTimeMillis()).reason();
      byte[] body = Base64.getDecoder().decode(request.body());
      if (reason == RejectReason.NONE) {
        reason = guard.accept(header, body);
      }
      Status status = reason == RejectReason.NONE ? Status.OK : Status.REJECTED;
      byte[] answer = new byte[0];
      if (status == Status.OK) {
        try {
          answer = model.answer(body);
        } catch (Exception e) {
          status = Status.MODEL_ERROR;
        }
      }
      byte[] hash = BodyHash.sha256(answer);
      long latencyNs = System.nanoTime() - receiptNs;
      byte[] replySigned =
          ResponseCodec.signedBytes(new ResponseHeader(status, reason, miner.hotkey(), header.nonce(), latencyNs, hash, null, 0));
      JsonReply reply =
          new JsonReply(
              status, reason, miner.hotkey(), header.nonce(), latencyNs, HEX.formatHex(hash), HEX.formatHex(miner.sign(replySigned, 0, replySigned.length)), Base64.getEncoder().encodeToString(answer));
      byte[] out = JSON.writeValueAsBytes(reply);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      exchange.sendResponseHeaders(400, -1);
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    servers.forEach(server -> server.stop(0));
  }
}
