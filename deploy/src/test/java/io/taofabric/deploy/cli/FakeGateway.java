package io.taofabric.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taofabric.core.tx.SignedTransaction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway on a free local port that records every request and answers what a test told it to.
 * Unless told otherwise, {@code POST /v1/transactions} applies any well-formed transaction
 * ({@code {"id": ..., "status": "applied"}}) and every other route is a 404 in the gateway's error
 * form.
 */
public final class FakeGateway implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRANSACTIONS = "POST /v1/transactions";

  /** A request the gateway received. */
  public record Request(String method, String path, String query, String body) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The signed transaction a {@code POST /v1/transactions} carried, decoded strictly. */
    public SignedTransaction transaction() {
      JsonNode json = json();
      return SignedTransaction.decode(
          HexFormat.of().parseHex(json.get("transaction").textValue()), HexFormat.of().parseHex(json.get("signature").textValue()));
    }
  }

  private record Answer(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  private FakeGateway(HttpServer server) {
    this.server = server;
  }

  /** A started gateway. */
  public static FakeGateway start() throws IOException {
    FakeGateway gateway = new FakeGateway(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    gateway.server.createContext("/", gateway::handle);
    gateway.server.start();
    return gateway;
  }

  /** The gateway's URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code method path} (any query) with {@code status} and {@code body}. */
  public FakeGateway answer(String method, String path, int status, String body) {
    return answer(method, path, status, body, Map.of());
  }

  /** As {@link #answer(String, String, int, String)}, with response headers. */
  public FakeGateway answer(String method, String path, int status, String body, Map<String, String> headers) {
    answers.put(method + " " + path, new Answer(status, body, headers));
    return this;
  }

  /** Refuses every transaction with {@code status} and the gateway's error body. */
  public FakeGateway refuseTransactions(int status, String reason, String message) {
    return answer(
        "POST", "/v1/transactions", status, JSON.createObjectNode().set("error", JSON.createObjectNode().put("reason", reason).put("message", message)).toString());
  }

  /** Every request so far, oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The one request received; fails unless there was exactly one. */
  public Request only() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one request, got " + requests);
    }
    return requests.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(), body);
    requests.add(request);
    String key = request.method() + " " + request.path();
    Answer answer = answers.get(key);
    if (answer == null) {
      answer =
          key.equals(TRANSACTIONS)
              ? new Answer(200, JSON.createObjectNode().put("id", request.transaction().id()).put("status", "applied").toString(), Map.of())
              : new Answer(404, "{\"error\":{\"reason\":\"not_found\",\"message\":\"no route " + key + "\"}}", Map.of());
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
