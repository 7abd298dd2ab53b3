package io.taofabric.transport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.taofabric.core.model.ModelException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Against a local server that speaks the completions protocol, and misbehaves on request. */
@Timeout(20)
class OpenAiCompletionModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicReference<Reply> reply = new AtomicReference<>();
  private final AtomicReference<JsonNode> lastRequest = new AtomicReference<>();
  private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/completions", this::handle);
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void shouldReturnTheFirstChoicesText() throws ModelException {
    reply.set(new Reply(200, "{\"id\":\"c1\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\" 4, 5\",\"finish_reason\":\"stop\"}]}"));

    String answer = model(Duration.ofSeconds(5), "sk-test").answer("Continue: 1, 2, 3,");

    assertEquals(" 4, 5", answer);
    assertEquals("tiny", lastRequest.get().path("model").asText());
    assertEquals("Continue: 1, 2, 3,", lastRequest.get().path("prompt").asText());
    assertEquals(16, lastRequest.get().path("max_tokens").asInt());
    assertEquals(0, lastRequest.get().path("temperature").asInt());
    assertEquals("Bearer sk-test", lastAuthorization.get());
  }

  @Test
  void shouldReportAnErrorStatusWithItsBody() {
    reply.set(new Reply(503, "{\"error\":{\"message\":\"model is loading\"}}"));

    assertFailure(Duration.ofSeconds(5), "answered HTTP 503: {\"error\":{\"message\":\"model is loading\"}}");
  }

  @Test
  void shouldReportABodyThatIsNotJson() {
    reply.set(new Reply(200, "<html>proxy error</html>"));

    assertFailure(Duration.ofSeconds(5), "sent a body that is not JSON: <html>proxy error</html>");
  }

  @Test
  void shouldReportJsonWithoutACompletion() {
    reply.set(new Reply(200, "{\"choices\":[]}"));

    assertFailure(Duration.ofSeconds(5), "sent no completion (choices[0].text): {\"choices\":[]}");
  }

  @Test
  void shouldGiveUpOnASlowEndpointAfterTheTimeout() {
    reply.set(null);

    assertFailure(Duration.ofMillis(200), "did not answer within 200 ms");
  }

  @Test
  void shouldReportAnEndpointThatIsNotThere() {
    server.stop(0);

    assertFailure(Duration.ofSeconds(5), "could not be reached");
  }

  private void assertFailure(Duration timeout, String expected) {
    ModelException e = assertThrows(ModelException.class, () -> model(timeout, null).answer("prompt"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith(uri() + "/v1/completions"), e.getMessage());
  }

  private OpenAiCompletionModel model(Duration timeout, String apiKey) {
    return new OpenAiCompletionModel(uri(), "tiny", 16, timeout, apiKey);
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers with {@link #reply}, or holds the exchange open until the test ends when it is null. */
  private void handle(HttpExchange exchange) throws IOException {
    lastRequest.set(JSON.readTree(exchange.getRequestBody()));
    lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
    Reply r = reply.get();
    if (r == null) {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(r.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private record Reply(int status, String body) {}
}
