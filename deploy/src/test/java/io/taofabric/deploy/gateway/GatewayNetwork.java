package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.crypto.NonceSource;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.AccountCommand.CreditGenesis;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.Models;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.tx.NonceFreshness;
import io.taofabric.core.tx.RateLimit;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import io.taofabric.core.wallet.ExistingKey;
import io.taofabric.core.wallet.Wallets;
import io.taofabric.deploy.node.FabricNode;
import io.taofabric.deploy.node.NodeEntities;
import io.taofabric.deploy.node.NodeSettings;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.ServedEndpoint;
import io.taofabric.transport.miner.MinerEndpoint;
import io.taofabric.transport.miner.PermittedCallers;
import io.taofabric.transport.round.TaskServing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.pattern.StatusReply;

/**
 * A one-node network with two gateways, for the gateway's tests: the node on the journal its base
 * configuration names (the in-memory one, or Cassandra in {@code GatewayIT}), a fast block clock,
 * and a subnet built through the gateway itself by signed transactions: created by {@link
 * #owner}, tuned (tempo 10, commit–reveal on), a validator registered and staked, a miner
 * registered and serving a real Aeron endpoint that forecasts 5 for every step. The main gateway
 * signs queries as the validator's hotkey, read from a wallet; the strict one allows two
 * transactions per signer an hour and holds no query key. Also the HTTP helpers the tests share.
 */
final class GatewayNetwork implements AutoCloseable {
  static final long TAO = BlockEmission.RAO_PER_TAO;
  static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String HOST = "127.0.0.1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Config NETWORK =
      ConfigFactory.parseString(
          """
          taofabric.network.block-interval = 100ms
          taofabric.network.min-lock-cost-rao = 1000000000
          taofabric.network.retry-after = 200ms
          """);

  final SigningKey owner = SigningKey.generate();
  final SigningKey ownerHot = SigningKey.generate();
  final SigningKey validatorCold = SigningKey.generate();
  final SigningKey validatorHot = SigningKey.generate();
  final SigningKey minerCold = SigningKey.generate();
  final SigningKey minerHot = SigningKey.generate();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final NonceSource nonces = new NonceSource(() -> System.currentTimeMillis() * 1_000);
  private final FabricNode<NodeEntities> node;
  /** What to stop when the network closes, in the order started. */
  private final List<Runnable> stops = new ArrayList<>();
  final String gateway;
  final String strictGateway;
  int netuid;
  int minerUid;

  private GatewayNetwork(FabricNode<NodeEntities> node, String readJournal) throws Exception {
    this.node = node;
    Path wallets = Files.createTempDirectory("gateway-wallets");
    stops.add(() -> delete(wallets));
    new Wallets(wallets, 10_000).create("gateway", SigningKey.generate(), "secret".toCharArray(), ExistingKey.REFUSE)
        .addHotkey("validator", validatorHot, ExistingKey.REFUSE);
    gateway = gateway(settings(readJournal, new RateLimit(20, 1_000_000)), QueryKeys.wallet(wallets, "gateway", List.of()));
    strictGateway = gateway(settings(readJournal, new RateLimit(2, 3_600_000_000L)), QueryKeys.none());
  }

  /**
   * Starts the node on {@code journal} (its Pekko persistence settings) reading settlement records
   * through {@code readJournal}, and builds the subnet; returns once the validator holds a permit.
   */
  static GatewayNetwork start(Config journal, String readJournal) throws Exception {
    Config base = NETWORK.withFallback(journal).withFallback(ConfigFactory.load());
    FabricNode<NodeEntities> node =
        FabricNode.start(FabricNode.SYSTEM_NAME, new NodeSettings(List.of(), HOST, 0, List.of(), 0, 10, Duration.ofSeconds(7)), base);
    node.up().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    GatewayNetwork network = new GatewayNetwork(node, readJournal);
    network.build();
    return network;
  }

  private void build() throws Exception {
    for (SigningKey coldkey : List.of(owner, validatorCold, minerCold)) {
      fund(coldkey.hotkey(), 1_000 * TAO);
    }
    netuid = ok(submit(owner, new Transaction.CreateSubnet(ownerHot.hotkey()))).get("netuid").asInt();
    await(() -> metagraph().map(m -> m.ownerColdkey() != null).orElse(false), "subnet " + netuid + " exists");
    String[][] tuning = {{"tempo", "10"}, {"weights_rate_limit", "10"}, {"commit_reveal_weights_enabled", "true"}, {"commit_reveal_delay", "0"}};
    for (String[] parameter : tuning) {
      ok(submit(owner, new Transaction.SetHyperparameter(netuid, parameter[0], parameter[1])));
    }
    assertEquals(1, ok(submit(validatorCold, new Transaction.Register(netuid, validatorHot.hotkey()))).get("uid").asInt());
    minerUid = ok(submit(minerCold, new Transaction.Register(netuid, minerHot.hotkey()))).get("uid").asInt();
    ok(submit(validatorCold, new Transaction.AddStake(netuid, validatorHot.hotkey(), 100 * TAO)));
    String endpoint = freeUdpEndpoint();
    ok(submit(minerHot, new Transaction.ServeEndpoint(netuid, endpoint)));
    serveMiner(endpoint);
    await(() -> metagraph().map(m -> m.permittedStakes().containsKey(validatorHot.hotkey())).orElse(false), "the validator's permit");
  }

  @Override
  public void close() throws ExecutionException, TimeoutException {
    for (int i = stops.size() - 1; i >= 0; i--) {
      stops.get(i).run();
    }
    node.close();
  }

  /** Subnet {@link #netuid}'s metagraph as its entity answers it, or empty while it does not. */
  Optional<Metagraph> metagraph() {
    try {
      return Optional.of(
          node.entities().network().subnet(netuid)
              .<Metagraph>ask(SubnetEntity.GetMetagraph::new, Duration.ofSeconds(5))
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** Credits {@code rao} to {@code coldkey}'s account from genesis (no transaction mints money). */
  void fund(String coldkey, long rao) throws Exception {
    StatusReply<AccountEntity.Balance> funded =
        node.entities().ledger().account(coldkey)
            .<StatusReply<AccountEntity.Balance>>ask(
                replyTo -> new AccountEntity.Execute(new CreditGenesis("genesis-" + coldkey, rao, 0), replyTo), Duration.ofSeconds(10))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertTrue(funded.isSuccess(), funded.toString());
  }

  /** A new coldkey holding {@code rao}. */
  SigningKey funded(long rao) throws Exception {
    SigningKey key = SigningKey.generate();
    fund(key.hotkey(), rao);
    return key;
  }

  /** {@code coldkey}'s free balance, read through the gateway. */
  long free(SigningKey coldkey) throws IOException {
    return ok(get("/v1/accounts/" + coldkey.hotkey())).get("free").asLong();
  }

  /** {@code coldkey}'s stakes in all, read through the gateway. */
  long stakeOf(SigningKey coldkey) throws IOException {
    long sum = 0;
    for (JsonNode stake : ok(get("/v1/accounts/" + coldkey.hotkey())).get("stakes")) {
      sum += stake.get("amount").asLong();
    }
    return sum;
  }

  /** {@code transaction} signed by {@code key} with a fresh nonce. */
  SignedTransaction sign(SigningKey key, Transaction transaction) {
    return SignedTransaction.sign(key, nonces.next(), transaction);
  }

  /** Signs {@code transaction} with {@code key} and posts it to the main gateway. */
  HttpResponse<String> submit(SigningKey key, Transaction transaction) throws IOException {
    return post("/v1/transactions", body(sign(key, transaction)));
  }

  /** The body of {@code POST /v1/transactions} for {@code signed}. */
  static String body(SignedTransaction signed) {
    return body(signed.canonicalBytes(), signed.signature());
  }

  /** The body of {@code POST /v1/transactions} for these bytes and signature, whatever they are. */
  static String body(byte[] canonical, byte[] signature) {
    ObjectNode body = JSON.createObjectNode();
    body.put("transaction", HexFormat.of().formatHex(canonical));
    body.put("signature", HexFormat.of().formatHex(signature));
    return body.toString();
  }

  HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
  }

  HttpResponse<String> post(String path, String body) throws IOException {
    return post(gateway, path, body);
  }

  HttpResponse<String> post(String base, String path, String body) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Asserts a 200 and returns its JSON. */
  static JsonNode ok(HttpResponse<String> response) throws IOException {
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  /** Asserts an error answer of {@code status} and {@code reason}, with a message. */
  static void error(HttpResponse<String> response, int status, String reason) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertEquals(reason, error.get("reason").asText(), response.body());
    assertFalse(error.get("message").asText().isEmpty());
  }

  /** Waits up to {@link #PATIENCE} for {@code condition}. */
  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE + ": " + what);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private String gateway(GatewaySettings settings, QueryKeys keys) throws Exception {
    return Gateway.start(node.system(), node.entities(), HOST, settings, keys).toCompletableFuture().get(30, TimeUnit.SECONDS).url();
  }

  private static GatewaySettings settings(String readJournal, RateLimit rateLimit) throws IOException {
    return new GatewaySettings(
        freePort(),
        64 * 1024,
        Duration.ofSeconds(5),
        NonceFreshness.DEFAULT,
        rateLimit,
        10_000,
        256,
        readJournal,
        Duration.ofMillis(500),
        new GatewaySettings.Query(3, Duration.ofSeconds(1), 8, Path.of("unused"), "", List.of(), false));
  }

  /** A miner on {@code endpoint} forecasting 5 for every step, admitting the metagraph's permit holders. */
  private void serveMiner(String endpoint) {
    AeronNode aeron = AeronNode.launch(AeronNode.Settings.defaults());
    stops.add(aeron::close);
    PermittedCallers callers = new PermittedCallers();
    MinerEndpoint miner =
        new MinerEndpoint(
            aeron.aeron(),
            ServedEndpoint.listening(endpoint),
            minerHot,
            callers,
            TaskServing.forecaster(Models.function(q -> new ForecastAnswer(Doubles.of(5, 5)))),
            SystemEpochClock.INSTANCE,
            SystemNanoClock.INSTANCE);
    AgentRunner runner = new AgentRunner(aeron.newIdleStrategy(), Throwable::printStackTrace, null, miner);
    AgentRunner.startOnThread(runner);
    stops.add(runner::close);
    Cancellable following =
        node.system().scheduler().scheduleWithFixedDelay(
            Duration.ZERO,
            Duration.ofMillis(200),
            () -> metagraph().ifPresent(m -> callers.update(m.permittedStakes())),
            node.system().executionContext());
    stops.add(following::cancel);
  }

  /** Deletes the wallet directory this network wrote its gateway's hotkey to. */
  private static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  private static String freeUdpEndpoint() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), 0))) {
      return HOST + ":" + socket.getLocalPort();
    }
  }
}
