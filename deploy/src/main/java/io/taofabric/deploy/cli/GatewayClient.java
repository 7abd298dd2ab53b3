package io.taofabric.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The gateway as the command line sees it: JSON reads with GET, and signed transactions POSTed to
 * {@code /v1/transactions} as {@code {"transaction": <hex canonical bytes>, "signature": <hex>}}.
 * Every way a call can fail becomes a {@link CliFailure} of one line: unreachable, no answer in
 * time, an HTTP error with the gateway's reason and message, or an answer that is not JSON.
 */
public final class GatewayClient {
  /** Where a node on this machine serves the gateway. */
  public static final String DEFAULT_URL = "http://127.0.0.1:7700";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_QUOTED_BODY = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http;

  private GatewayClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /**
   * The gateway at {@code url}: {@code http} or {@code https}, a host, an optional port and path
   * prefix, nothing else.
   */
  public static GatewayClient at(String url) throws CliFailure {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw CliFailure.badInput("the gateway must be a URL such as " + DEFAULT_URL + ", got '" + url + "'");
    }
    boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
    if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw CliFailure.badInput("the gateway must be an http(s) URL such as " + DEFAULT_URL + ", got '" + url + "'");
    }
    return new GatewayClient(url.replaceAll("/+$", ""));
  }

  /** The JSON the gateway answers {@code GET path} with; {@code path} starts with a slash. */
  public JsonNode get(String path) throws CliFailure {
    return call(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
  }

  /**
   * Signs {@code transaction} with {@code key}, the nonce being the clock in microseconds, and
   * submits it.
   */
  public Submitted submit(SigningKey key, Transaction transaction) throws CliFailure {
    SignedTransaction signed = SignedTransaction.sign(key, nowMicros(), transaction);
    ObjectNode body = JSON.createObjectNode();
    body.put("transaction", HexFormat.of().formatHex(signed.canonicalBytes()));
    body.put("signature", HexFormat.of().formatHex(signed.signature()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/v1/transactions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return new Submitted(signed, call(request, signed));
  }

  /** A transaction the gateway accepted, and its answer. */
  public record Submitted(SignedTransaction transaction, JsonNode answer) {}

  private static long nowMicros() {
    Instant now = Instant.now();
    return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
  }

  /** {@code sent}: the transaction in the request, named when its fate is unknown; null for reads. */
  private JsonNode call(HttpRequest.Builder request, SignedTransaction sent) throws CliFailure {
    HttpResponse<String> response;
    try {
      response =
          http.send(request.timeout(REQUEST_TIMEOUT).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw CliFailure.notApplied("cannot reach the gateway at " + base + " (is a node serving it? --gateway names another)");
    } catch (HttpTimeoutException e) {
      String fate = sent == null ? "" : "; transaction " + sent.id() + " may still be applied";
      throw CliFailure.failed("no answer from the gateway at " + base + " within " + REQUEST_TIMEOUT.toSeconds() + " s" + fate);
    } catch (IOException e) {
      String fate = sent == null ? "" : "; transaction " + sent.id() + " may or may not have been applied";
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw CliFailure.failed("cannot talk to the gateway at " + base + ": " + why + fate);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliFailure.failed("interrupted while waiting for the gateway");
    }
    JsonNode json = parse(response.body());
    int category = response.statusCode() / 100;
    if (category == 4) {
      throw CliFailure.notApplied(refusal(response, json));
    }
    if (category != 2) { // a 5xx may come after the entity was asked, so what it asked may still happen
      throw CliFailure.failed(refusal(response, json));
    }
    if (json == null) {
      throw CliFailure.failed("the gateway answered something that is not JSON: " + quote(response.body()));
    }
    return json;
  }

  private static String refusal(HttpResponse<String> response, JsonNode json) {
    StringBuilder line = new StringBuilder("the gateway answered HTTP ").append(response.statusCode());
    JsonNode error = json == null ? null : json.get("error");
    if (error != null && error.isObject()) {
      line.append(": ").append(error.path("reason").asText("?")).append(": ").append(error.path("message").asText(""));
    } else if (!response.body().isBlank()) {
      line.append(": ").append(quote(response.body()));
    }
    Optional<String> retryAfter = response.headers().firstValue("Retry-After");
    retryAfter.ifPresent(seconds -> line.append(" (retry after ").append(seconds).append(" s)"));
    return line.toString();
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String quote(String body) {
    String line = body.strip().lines().findFirst().orElse("");
    return line.length() <= MAX_QUOTED_BODY ? line : line.substring(0, MAX_QUOTED_BODY) + "...";
  }
}
