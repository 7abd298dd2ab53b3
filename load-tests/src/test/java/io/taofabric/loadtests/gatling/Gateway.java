package io.taofabric.loadtests.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.taofabric.core.crypto.NonceSource;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What the simulations share: the gateway they load ({@code -Dgateway}), the load ({@code -Drate}
 * requests per second for {@code -Dduration} seconds after a {@code -Dwarmup} ramp), the requests as Gatling sends them, and a
 * plain client for the setup and checks that must not count in the report.
 */
final class Gateway {
  static final String URL = System.getProperty("gateway", "http://127.0.0.1:7700");

  /**
   * The share of requests that must succeed, in percent: {@code -Dsuccess.percent}, 99.9 unless
   * the CI smoke run lowers it (see GatlingSmokeIT for why).
   */
  static final double SUCCESS_PERCENT = Double.parseDouble(System.getProperty("success.percent", "99.9"));

  /** Transactions a signer may send at once before the gateway allows one a second (its default). */
  static final int SIGNER_BURST = 20;

  /**
   * Nonces are the signer's clock in microseconds; one source for every key keeps them distinct
   * even when two transactions are signed in the same microsecond.
   */
  static final NonceSource NONCES = new NonceSource(() -> System.currentTimeMillis() * 1_000);

  /**
   * A forecasting query: four days of an hourly series with a daily season, the next six hours
   * asked; long enough for the demo's seasonal forecaster, which answers MODEL_ERROR to 8 values.
   */
  private static final String FORECAST = "{\"values\":["
      + IntStream.range(0, 96).mapToObj(h -> String.format(Locale.ROOT, "%.3f", 10 + 3 * Math.sin(2 * Math.PI * h / 24))).collect(Collectors.joining(","))
      + "],\"horizon\":6}";

  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Gateway() {}

  static double rate(double byDefault) {
    return Double.parseDouble(System.getProperty("rate", Double.toString(byDefault)));
  }

  static Duration duration() {
    return Duration.ofSeconds(Long.parseLong(System.getProperty("duration", "30")));
  }

  /**
   * A ramp over {@code -Dwarmup} seconds (default 10), then {@code usersPerSecond} for the
   * duration: on a just-started node the first seconds at full rate measure the JIT (hundreds of
   * milliseconds), not the gateway. The ramp's requests count in the report too.
   */
  static OpenInjectionStep[] load(double usersPerSecond) {
    return new OpenInjectionStep[] {
      rampUsersPerSec(rampStart(usersPerSecond)).to(usersPerSecond).during(warmup()),
      constantUsersPerSec(usersPerSecond).during(duration())
    };
  }

  /** How many users {@link #load} starts, ramp included. */
  static int arrivals(double usersPerSecond) {
    double ramp = (rampStart(usersPerSecond) + usersPerSecond) / 2 * warmup().toSeconds();
    return (int) Math.ceil(ramp + usersPerSecond * duration().toSeconds());
  }

  private static double rampStart(double usersPerSecond) {
    return Math.min(1, usersPerSecond);
  }

  private static Duration warmup() {
    return Duration.ofSeconds(Long.parseLong(System.getProperty("warmup", "10")));
  }

  static HttpProtocolBuilder protocol() {
    // an open model starts a user per arrival; a connection each would measure TCP set-up instead
    return http.baseUrl(URL).acceptHeader("application/json").shareConnections();
  }

  /** p99 at most {@code p99Millis} (see {@link #p99}) and {@link #SUCCESS_PERCENT} of the requests successful. */
  static List<Assertion> assertions(int p99Millis) {
    return List.of(
        global().responseTime().percentile(99.0).lte(p99(p99Millis)),
        global().successfulRequests().percent().gte(SUCCESS_PERCENT));
  }

  /**
   * A p99 target in milliseconds times {@code -Dp99.factor} (default 1). Only the CI smoke run
   * sets it: in a few seconds at 50/s on a just-started node, on a shared 2-core machine, p99 is
   * about the third-slowest of 300 requests, which one pause of the node's JVM decides.
   */
  static int p99(int millis) {
    return (int) Math.round(millis * Double.parseDouble(System.getProperty("p99.factor", "1")));
  }

  /** Each arriving user reads subnet {@code netuid}'s metagraph and the faucet's account: two requests. */
  static PopulationBuilder reads(int netuid, double usersPerSecond) {
    return scenario("metagraph and account reads")
        .exec(metagraph(netuid), account(faucet().hotkey()))
        .injectOpen(load(usersPerSecond));
  }

  /** Each arriving user asks subnet {@code netuid}'s miners one forecasting query through the gateway. */
  static PopulationBuilder queries(int netuid, double usersPerSecond) {
    return scenario("client queries").exec(query(netuid)).injectOpen(load(usersPerSecond));
  }

  static HttpRequestActionBuilder metagraph(int netuid) {
    return http("metagraph").get("/v1/subnets/" + netuid + "/metagraph").check(status().is(200));
  }

  static HttpRequestActionBuilder account(String coldkey) {
    return http("account").get("/v1/accounts/" + coldkey).check(status().is(200));
  }

  /** Posts the session's attribute {@code body}, made by {@link #body}. */
  static HttpRequestActionBuilder transaction(String name, String body) {
    return http(name)
        .post("/v1/transactions")
        .header("Content-Type", "application/json")
        .body(StringBody("#{" + body + "}"))
        .check(status().is(200));
  }

  /** A forecast with an answer: a miner that fails or does not fit the task does not count as served. */
  static HttpRequestActionBuilder query(int netuid) {
    return http("query")
        .post("/v1/subnets/" + netuid + "/query")
        .header("Content-Type", "application/json")
        .body(StringBody(FORECAST))
        .check(status().is(200), jmesPath("answer.values").exists());
  }

  static String body(SignedTransaction tx) {
    return "{\"transaction\":\"" + HEX.formatHex(tx.canonicalBytes()) + "\",\"signature\":\"" + HEX.formatHex(tx.signature()) + "\"}";
  }

  static SignedTransaction transfer(SigningKey from, String to, long rao) {
    return SignedTransaction.sign(from, NONCES.next(), new Transaction.Transfer(to, rao));
  }

  /**
   * The demonstration network's faucet (the {@code demo-faucet} wallet): like every demo key, its
   * RFC 8032 private key is the SHA-256 of its public label, so anyone can derive it.
   */
  static SigningKey faucet() {
    try {
      return SigningKey.fromSeed(MessageDigest.getInstance("SHA-256").digest("demo-faucet".getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  /** Sends {@code tx} outside the measurement, waiting out the signer's rate limit if it must. */
  static void submit(SignedTransaction tx) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "/v1/transactions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(tx)))
        .build();
    while (true) {
      HttpResponse<String> response = send(request);
      if (response.statusCode() == 200) {
        return;
      }
      if (response.statusCode() != 429) {
        throw new IllegalStateException("the gateway refused " + tx + ": " + response.statusCode() + " " + response.body());
      }
      sleepSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1));
    }
  }

  /** The account as the gateway reads it: {@code free} rao and its {@code stakes}. */
  static JsonNode readAccount(String coldkey) {
    return read("/v1/accounts/" + coldkey);
  }

  /** The hotkey of subnet {@code netuid} with the most stake: one that surely stays registered. */
  static String mostStakedHotkey(int netuid) {
    JsonNode best = null;
    for (JsonNode neuron : read("/v1/subnets/" + netuid + "/metagraph?fields=hotkey,stake").get("neurons")) {
      if (best == null || neuron.get("stake").asLong() > best.get("stake").asLong()) {
        best = neuron;
      }
    }
    if (best == null) {
      throw new IllegalStateException("subnet " + netuid + " has no neuron to stake on");
    }
    return best.get("hotkey").asText();
  }

  private static JsonNode read(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(URL + path)).build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + ": not JSON: " + response.body(), e);
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("no answer from the gateway at " + URL, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void sleepSeconds(long seconds) {
    try {
      Thread.sleep(seconds * 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
