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
import io.taofabric.core.subnet.SubnetHyperparameters;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.apache.pekko.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import org.apache.pekko.persistence.testkit.query.javadsl.PersistenceTestKitReadJournal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway of one in-JVM node on the in-memory journal, over real HTTP with the JDK client:
 * every route's happy path, and each way a request is refused, with the refusal's status and
 * reason and, read back afterwards, the network unchanged. The network is built through the
 * gateway itself: a subnet created, tuned, registered into, staked on and served by signed
 * transactions, and a real miner endpoint answering queries over Aeron.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayTest {
  private static final String HOST = "127.0.0.1";
  private static final long TAO = BlockEmission.RAO_PER_TAO;
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Config BASE =
      ConfigFactory.parseString(
              """
              taofabric.network.block-interval = 100ms
              taofabric.network.min-lock-cost-rao = 1000000000
              taofabric.network.retry-after = 200ms
              """)
          .withFallback(PersistenceTestKitPlugin.getInstance().config())
          .withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config())
          .withFallback(ConfigFactory.load());

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final NonceSource nonces = new NonceSource(() -> System.currentTimeMillis() * 1_000);
  private final SigningKey owner = SigningKey.generate();
  private final SigningKey ownerHot = SigningKey.generate();
  private final SigningKey validatorCold = SigningKey.generate();
  private final SigningKey validatorHot = SigningKey.generate();
  private final SigningKey minerCold = SigningKey.generate();
  private final SigningKey minerHot = SigningKey.generate();

  private FabricNode<NodeEntities> node;
  private String gateway;
  private String strictGateway;
  private AeronNode aeron;
  private AgentRunner miner;
  private int netuid;
  private int minerUid;

  @BeforeAll
  void startNetwork() throws Exception {
    Path wallets = Files.createTempDirectory("gateway-wallets");
    new Wallets(wallets, 10_000).create("gateway", SigningKey.generate(), "secret".toCharArray(), ExistingKey.REFUSE)
        .addHotkey("validator", validatorHot, ExistingKey.REFUSE);
    node = FabricNode.start(FabricNode.SYSTEM_NAME, new NodeSettings(List.of(), HOST, 0, List.of(), 0, 10, Duration.ofSeconds(7)), BASE);
    node.up().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    gateway =
        Gateway.start(node.system(), node.entities(), HOST, settings(new RateLimit(20, 1_000_000)), QueryKeys.wallet(wallets, "gateway", List.of()))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS)
            .url();
    strictGateway =
        Gateway.start(node.system(), node.entities(), HOST, settings(new RateLimit(2, 3_600_000_000L)), QueryKeys.none())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS)
            .url();
    for (SigningKey coldkey : List.of(owner, validatorCold, minerCold)) {
      fund(coldkey.hotkey(), 1_000 * TAO);
    }

    JsonNode created = ok(submit(owner, new Transaction.CreateSubnet(ownerHot.hotkey())));
    netuid = created.get("netuid").asInt();
    await(() -> metagraph().map(m -> m.ownerColdkey() != null).orElse(false), "subnet " + netuid + " exists");
    for (String[] parameter : new String[][] {{"tempo", "10"}, {"weights_rate_limit", "10"}, {"commit_reveal_weights_enabled", "true"}, {"commit_reveal_delay", "0"}}) {
      ok(submit(owner, new Transaction.SetHyperparameter(netuid, parameter[0], parameter[1])));
    }
    assertEquals(1, ok(submit(validatorCold, new Transaction.Register(netuid, validatorHot.hotkey()))).get("uid").asInt());
    minerUid = ok(submit(minerCold, new Transaction.Register(netuid, minerHot.hotkey()))).get("uid").asInt();
    ok(submit(validatorCold, new Transaction.AddStake(netuid, validatorHot.hotkey(), 100 * TAO)));
    String endpoint = freeUdpEndpoint();
    ok(submit(minerHot, new Transaction.ServeEndpoint(netuid, endpoint)));
    serveMiner(endpoint);
    await(() -> permitted(validatorHot.hotkey()), "the validator's permit after an epoch");
  }

  @AfterAll
  void stopNetwork() throws Exception {
    if (miner != null) {
      miner.close();
    }
    if (aeron != null) {
      aeron.close();
    }
    if (node != null) {
      node.close();
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Reads {
    @Test
    void shouldReportTheNodeUpWithItsMembers() throws Exception {
      HttpResponse<String> health = get("/health");
      assertEquals(200, health.statusCode());
      JsonNode json = JSON.readTree(health.body());
      assertEquals("up", json.get("status").asText());
      assertEquals(1, json.get("members").asInt());
    }

    @Test
    void shouldListTheSubnetWithItsOwnerAndTempo() throws Exception {
      JsonNode subnets = ok(get("/v1/subnets"));
      JsonNode subnet = subnets.get(0);
      assertEquals(netuid, subnet.get("netuid").asInt());
      assertEquals(owner.hotkey(), subnet.get("owner_coldkey").asText());
      assertEquals(ownerHot.hotkey(), subnet.get("owner_hotkey").asText());
      assertEquals(10, subnet.get("tempo").asInt());
      assertEquals(3, subnet.get("neurons").asInt());
    }

    @Test
    void shouldAnswerHyperparametersByBittensorName() throws Exception {
      JsonNode h = ok(get("/v1/subnets/" + netuid + "/hyperparameters"));
      assertEquals(10, h.get("tempo").asInt());
      assertTrue(h.get("commit_reveal_weights_enabled").asBoolean());
      assertEquals(SubnetHyperparameters.names().size(), h.size());
    }

    @Test
    void shouldAnswerTheMetagraphWholeOrTheFieldsAsked() throws Exception {
      JsonNode full = ok(get("/v1/subnets/" + netuid + "/metagraph"));
      assertEquals(netuid, full.get("netuid").asInt());
      assertTrue(full.get("epochs").asLong() >= 1);
      JsonNode validator = full.get("neurons").get(1);
      assertEquals(validatorHot.hotkey(), validator.get("hotkey").asText());
      assertEquals(validatorCold.hotkey(), validator.get("coldkey").asText());
      assertTrue(validator.get("validator_permit").asBoolean());
      for (String proportion : List.of("consensus", "incentive", "dividends")) {
        double v = validator.get(proportion).asDouble();
        assertTrue(v >= 0 && v <= 1, proportion + " " + v);
      }

      JsonNode some = ok(get("/v1/subnets/" + netuid + "/metagraph?fields=uid,stake"));
      assertEquals(List.of("uid", "stake"), fieldNames(some.get("neurons").get(1)));
    }

    @Test
    void shouldAnswerAnAccountsFreeBalanceAndStakes() throws Exception {
      JsonNode account = ok(get("/v1/accounts/" + validatorCold.hotkey()));
      assertEquals(validatorCold.hotkey(), account.get("coldkey").asText());
      assertEquals(1_000 * TAO - 100 * TAO - TAO, account.get("free").asLong(), "funded, staked 100 TAO, burned 1 TAO");
      JsonNode stake = account.get("stakes").get(0);
      assertEquals(netuid, stake.get("netuid").asInt());
      assertEquals(validatorHot.hotkey(), stake.get("hotkey").asText());
      assertTrue(stake.get("amount").asLong() >= 100 * TAO);
    }

    @Test
    void shouldListTheSettledEpochsNewestFirst() throws Exception {
      await(() -> epochs(3).size() >= 2, "two settled epochs");
      JsonNode epochs = ok(get("/v1/subnets/" + netuid + "/epochs?limit=2"));
      assertEquals(2, epochs.size());
      JsonNode newest = epochs.get(0);
      assertEquals(newest.get("epoch").asLong() - 1, epochs.get(1).get("epoch").asLong());
      assertTrue(newest.get("block").asLong() > epochs.get(1).get("block").asLong());
      assertTrue(newest.get("emission").asLong() > 0);
      assertTrue(epochs.get(1).get("credited").asBoolean(), "credited once every UID's credit is applied: " + epochs);
      assertTrue(newest.get("settled_at").isNull(), "the in-memory journal keeps no write times (GatewayIT reads Cassandra's)");
    }

    @Test
    void shouldExposeMetricsForPrometheus() throws Exception {
      get("/v1/subnets/" + netuid + "/metagraph?fields=nonsense");
      HttpResponse<String> metrics = get("/metrics");
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      assertTrue(metrics.body().contains("taofabric_gateway_http_requests_total{route=\"GET /v1/subnets/{netuid}/metagraph\",status=\"400\"}"), metrics.body());
      assertTrue(metrics.body().contains("taofabric_gateway_rejected_requests_total{reason=\"unknown_field\"}"), metrics.body());
      assertTrue(metrics.body().contains("taofabric_gateway_fanout_seconds_bucket"), metrics.body());
      assertTrue(metrics.body().contains("taofabric_settlement_credit_seconds"), metrics.body());
    }

    @Test
    void shouldRefuseUnknownSubnetsFieldsPathsAndMethods() throws Exception {
      error(get("/v1/subnets/99/metagraph"), 404, "unknown_subnet");
      error(get("/v1/subnets/99/hyperparameters"), 404, "unknown_subnet");
      error(get("/v1/subnets/0/epochs"), 404, "unknown_subnet");
      error(get("/v1/subnets/" + netuid + "/metagraph?fields=uid,rank"), 400, "unknown_field");
      error(get("/v1/subnets/" + netuid + "/epochs?limit=0"), 400, "malformed");
      error(get("/v1/nothing"), 404, "not_found");
      error(get("/v1/transactions"), 405, "method_not_allowed");
    }
  }

  @Nested
  class Transactions {
    @Test
    void shouldTransferOnceAndRefuseTheReplay() throws Exception {
      SigningKey from = funded(10 * TAO);
      SigningKey to = SigningKey.generate();
      SignedTransaction transfer = sign(from, new Transaction.Transfer(to.hotkey(), 3 * TAO));

      JsonNode applied = ok(post("/v1/transactions", body(transfer)));
      assertEquals(transfer.id(), applied.get("id").asText());
      assertEquals("applied", applied.get("status").asText());
      error(post("/v1/transactions", body(transfer)), 409, "replayed");

      assertEquals(7 * TAO, free(from));
      assertEquals(3 * TAO, free(to));
    }

    @Test
    void shouldRefuseATransferBeyondTheBalanceAndMoveNothing() throws Exception {
      SigningKey from = funded(TAO);
      SigningKey to = SigningKey.generate();
      error(submit(from, new Transaction.Transfer(to.hotkey(), 2 * TAO)), 409, "insufficient_balance");
      assertEquals(TAO, free(from));
      assertEquals(0, free(to));
    }

    @Test
    void shouldRefuseATamperedSignatureAStaleNonceAndMoveNothing() throws Exception {
      SigningKey from = funded(TAO);
      SigningKey to = SigningKey.generate();
      SignedTransaction signed = sign(from, new Transaction.Transfer(to.hotkey(), TAO / 2));
      byte[] signature = signed.signature();
      signature[0] ^= 1;
      error(post("/v1/transactions", body(signed.canonicalBytes(), signature)), 401, "bad_signature");

      long tenMinutesAgo = (System.currentTimeMillis() - 600_000) * 1_000;
      SignedTransaction stale = SignedTransaction.sign(from, tenMinutesAgo, new Transaction.Transfer(to.hotkey(), TAO / 2));
      error(post("/v1/transactions", body(stale)), 401, "stale_nonce");

      assertEquals(TAO, free(from));
      assertEquals(0, free(to));
    }

    @Test
    void shouldRefuseAHyperparameterFromAnotherColdkeyAndChangeNothing() throws Exception {
      long before = ok(get("/v1/subnets/" + netuid + "/hyperparameters")).get("immunity_period").asLong();
      error(submit(validatorCold, new Transaction.SetHyperparameter(netuid, "immunity_period", "7")), 403, "wrong_signer");
      assertEquals(before, ok(get("/v1/subnets/" + netuid + "/hyperparameters")).get("immunity_period").asLong());
    }

    @Test
    void shouldRefuseAReplayedHyperparameterThatWouldUndoALaterOne() throws Exception {
      SignedTransaction first = sign(owner, new Transaction.SetHyperparameter(netuid, "activity_cutoff", "4000"));
      ok(post("/v1/transactions", body(first)));
      ok(submit(owner, new Transaction.SetHyperparameter(netuid, "activity_cutoff", "4500")));

      error(post("/v1/transactions", body(first)), 409, "replayed");
      assertEquals(4_500, ok(get("/v1/subnets/" + netuid + "/hyperparameters")).get("activity_cutoff").asLong());
    }

    @Test
    void shouldRefuseATransactionOnAnUnknownSubnet() throws Exception {
      SigningKey hotkey = SigningKey.generate();
      error(submit(minerCold, new Transaction.Register(99, hotkey.hotkey())), 404, "unknown_subnet");
      assertEquals(3, ok(get("/v1/subnets")).get(0).get("neurons").asInt());
    }

    @Test
    void shouldRefuseBodiesThatAreNoSignedTransaction() throws Exception {
      SignedTransaction signed = sign(funded(TAO), new Transaction.Transfer(SigningKey.generate().hotkey(), 1));
      String hex = HexFormat.of().formatHex(signed.canonicalBytes());
      String signature = HexFormat.of().formatHex(signed.signature());
      error(post("/v1/transactions", "{\"transaction\": \"" + hex), 400, "malformed");
      error(post("/v1/transactions", "{\"transaction\": \"zz" + hex + "\", \"signature\": \"" + signature + "\"}"), 400, "malformed");
      error(post("/v1/transactions", "{\"transaction\": \"" + hex.substring(2) + "\", \"signature\": \"" + signature + "\"}"), 400, "malformed");
      error(post("/v1/transactions", "{\"transaction\": \"" + hex + "\", \"signature\": \"" + signature + "\", \"fee\": 1}"), 400, "malformed");
      error(post("/v1/transactions", "[]"), 400, "malformed");
      ok(post("/v1/transactions", body(signed)));
    }

    @Test
    void shouldRefuseAnOversizedBodyUnread() throws Exception {
      error(post("/v1/transactions", "{\"transaction\": \"" + "00".repeat(40_000) + "\"}"), 413, "too_large");
    }

    @Test
    void shouldRateLimitASignerAndApplyOnlyWhatPassed() throws Exception {
      SigningKey from = funded(TAO);
      SigningKey to = SigningKey.generate();
      for (int i = 0; i < 2; i++) {
        ok(post(strictGateway, "/v1/transactions", body(sign(from, new Transaction.Transfer(to.hotkey(), 1_000)))));
      }
      HttpResponse<String> limited = post(strictGateway, "/v1/transactions", body(sign(from, new Transaction.Transfer(to.hotkey(), 1_000))));
      error(limited, 429, "rate_limited");
      assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 0);
      assertEquals(2_000, free(to));
    }

    @Test
    void shouldMoveStakeInAndOutAndRefuseRemovingMoreThanIsStaked() throws Exception {
      ok(submit(minerCold, new Transaction.AddStake(netuid, minerHot.hotkey(), 2 * TAO)));
      ok(submit(minerCold, new Transaction.RemoveStake(netuid, minerHot.hotkey(), TAO)));
      assertEquals(1_000 * TAO - TAO - TAO, free(minerCold), "funded, burned 1 TAO to register, staked 1 TAO net");
      assertTrue(stakeOf(minerCold) >= TAO, "the stake, and whatever emission it earned since");

      error(submit(minerCold, new Transaction.RemoveStake(netuid, minerHot.hotkey(), 1_000 * TAO)), 409, "insufficient_stake");
      assertEquals(998 * TAO, free(minerCold));
    }

    @Test
    void shouldCommitRevealAndRefuseACommitWithinTheRateLimit() throws Exception {
      Metagraph.Row validator = metagraph().orElseThrow().neurons().get(1);
      await(() -> metagraph().orElseThrow().block() >= validator.lastUpdate() + 10, "the weights rate limit since registration");
      byte[] salt = {1, 2, 3, 4};
      Transaction.RevealWeights reveal = new Transaction.RevealWeights(netuid, List.of(minerUid), List.of(65_535), salt);
      ok(submit(validatorHot, new Transaction.CommitWeights(netuid, reveal.commitHash(validatorHot.hotkey()))));
      ok(submit(validatorHot, reveal));
      Transaction.RevealWeights later = new Transaction.RevealWeights(netuid, List.of(minerUid), List.of(1), salt);
      error(submit(validatorHot, new Transaction.CommitWeights(netuid, later.commitHash(validatorHot.hotkey()))), 409, "weights_rate_limit");
    }

    @Test
    void shouldRefuseAWeightCommitSignedByAnUnregisteredHotkey() throws Exception {
      error(submit(SigningKey.generate(), new Transaction.CommitWeights(netuid, "ab".repeat(32))), 403, "wrong_signer");
    }
  }

  @Nested
  class Queries {
    @Test
    void shouldAnswerWithTheBestMinersForecast() throws Exception {
      JsonNode answer = ok(post("/v1/subnets/" + netuid + "/query", "{\"values\": [1, 2, 3, 4], \"horizon\": 2}"));
      assertEquals("forecast", answer.get("task").asText());
      assertEquals(List.of(5.0, 5.0), List.of(answer.get("answer").get("values").get(0).asDouble(), answer.get("answer").get("values").get(1).asDouble()));
      assertEquals(minerHot.hotkey(), answer.get("miner").get("hotkey").asText());
      assertEquals(validatorHot.hotkey(), answer.get("signer").asText());
      assertTrue(answer.get("latency_ms").asDouble() > 0);
    }

    @Test
    void shouldRefuseAMalformedQueryAndAGatewayWithoutAPermittedKey() throws Exception {
      error(post("/v1/subnets/" + netuid + "/query", "{\"values\": [1], \"classes\": 2}"), 400, "malformed");
      error(post("/v1/subnets/" + netuid + "/query", "{\"values\": [], \"horizon\": 2}"), 400, "malformed");
      error(post("/v1/subnets/99/query", "{\"values\": [1], \"horizon\": 1}"), 404, "unknown_subnet");
      error(post(strictGateway, "/v1/subnets/" + netuid + "/query", "{\"values\": [1], \"horizon\": 1}"), 503, "no_query_key");
    }

    @Test
    void shouldAnswer504WhenNoMinerAnswers() throws Exception {
      // the subnet's forecaster cannot read a classification query: its endpoint reports a model error
      error(post("/v1/subnets/" + netuid + "/query", "{\"features\": [0.5, 0.5], \"classes\": 2}"), 504, "no_miner_answered");
    }
  }

  // --- the network's fixtures

  private static GatewaySettings settings(RateLimit rateLimit) throws IOException {
    return new GatewaySettings(
        freePort(),
        64 * 1024,
        Duration.ofSeconds(5),
        NonceFreshness.DEFAULT,
        rateLimit,
        10_000,
        PersistenceTestKitReadJournal.Identifier(),
        Duration.ofMillis(500),
        new GatewaySettings.Query(3, Duration.ofSeconds(1), 8, Path.of("unused"), "", List.of(), false));
  }

  /** A miner on {@code endpoint} forecasting 5 for every step, admitting the metagraph's permit holders. */
  private void serveMiner(String endpoint) {
    aeron = AeronNode.launch(AeronNode.Settings.defaults());
    PermittedCallers callers = new PermittedCallers();
    MinerEndpoint minerEndpoint =
        new MinerEndpoint(
            aeron.aeron(),
            ServedEndpoint.listening(endpoint),
            minerHot,
            callers,
            TaskServing.forecaster(Models.function(q -> new ForecastAnswer(Doubles.of(new double[] {5, 5})))),
            SystemEpochClock.INSTANCE,
            SystemNanoClock.INSTANCE);
    miner = new AgentRunner(aeron.newIdleStrategy(), Throwable::printStackTrace, null, minerEndpoint);
    AgentRunner.startOnThread(miner);
    node.system().scheduler().scheduleWithFixedDelay(
        Duration.ZERO,
        Duration.ofMillis(200),
        () -> metagraph().ifPresent(m -> callers.update(m.permittedStakes())),
        node.system().executionContext());
  }

  private Optional<Metagraph> metagraph() {
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

  private boolean permitted(String hotkey) {
    return metagraph().map(m -> m.permittedStakes().containsKey(hotkey)).orElse(false);
  }

  private void fund(String coldkey, long rao) throws Exception {
    StatusReply<AccountEntity.Balance> funded =
        node.entities().ledger().account(coldkey)
            .<StatusReply<AccountEntity.Balance>>ask(
                replyTo -> new AccountEntity.Execute(new CreditGenesis("genesis-" + coldkey, rao, 0), replyTo), Duration.ofSeconds(10))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertTrue(funded.isSuccess(), funded.toString());
  }

  private SigningKey funded(long rao) throws Exception {
    SigningKey key = SigningKey.generate();
    fund(key.hotkey(), rao);
    return key;
  }

  private long free(SigningKey coldkey) throws Exception {
    return ok(get("/v1/accounts/" + coldkey.hotkey())).get("free").asLong();
  }

  private long stakeOf(SigningKey coldkey) throws Exception {
    long sum = 0;
    for (JsonNode stake : ok(get("/v1/accounts/" + coldkey.hotkey())).get("stakes")) {
      sum += stake.get("amount").asLong();
    }
    return sum;
  }

  private List<JsonNode> epochs(int limit) {
    try {
      List<JsonNode> list = new ArrayList<>();
      ok(get("/v1/subnets/" + netuid + "/epochs?limit=" + limit)).forEach(list::add);
      return list;
    } catch (Exception e) {
      return List.of();
    }
  }

  // --- HTTP

  private SignedTransaction sign(SigningKey key, Transaction transaction) {
    return SignedTransaction.sign(key, nonces.next(), transaction);
  }

  private HttpResponse<String> submit(SigningKey key, Transaction transaction) throws IOException {
    return post("/v1/transactions", body(sign(key, transaction)));
  }

  private static String body(SignedTransaction signed) {
    return body(signed.canonicalBytes(), signed.signature());
  }

  private static String body(byte[] canonical, byte[] signature) {
    ObjectNode body = JSON.createObjectNode();
    body.put("transaction", HexFormat.of().formatHex(canonical));
    body.put("signature", HexFormat.of().formatHex(signature));
    return body.toString();
  }

  private HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
  }

  private HttpResponse<String> post(String path, String body) throws IOException {
    return post(gateway, path, body);
  }

  private HttpResponse<String> post(String base, String path, String body) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static JsonNode ok(HttpResponse<String> response) throws IOException {
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static void error(HttpResponse<String> response, int status, String reason) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertEquals(reason, error.get("reason").asText(), response.body());
    assertFalse(error.get("message").asText().isEmpty());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE + ": " + what);
      }
      TimeUnit.MILLISECONDS.sleep(100);
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
