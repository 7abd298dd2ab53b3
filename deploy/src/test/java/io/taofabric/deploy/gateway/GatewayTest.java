package io.taofabric.deploy.gateway;

import static io.taofabric.deploy.gateway.GatewayNetwork.TAO;
import static io.taofabric.deploy.gateway.GatewayNetwork.await;
import static io.taofabric.deploy.gateway.GatewayNetwork.body;
import static io.taofabric.deploy.gateway.GatewayNetwork.error;
import static io.taofabric.deploy.gateway.GatewayNetwork.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * The gateway of one in-JVM node on the in-memory journal ({@link GatewayNetwork}), over real HTTP
 * with the JDK client: every route's happy path, and each way a request is refused, with the
 * refusal's status and reason and, read back afterwards, the network unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GatewayNetwork net;

  @BeforeAll
  void startNetwork() throws Exception {
    net =
        GatewayNetwork.start(
            PersistenceTestKitPlugin.getInstance().config().withFallback(PersistenceTestKitSnapshotPlugin.getInstance().config()),
            PersistenceTestKitReadJournal.Identifier());
  }

  @AfterAll
  void stopNetwork() throws Exception {
    if (net != null) {
      net.close();
    }
  }

  @Nested
  class Reads {
    @Test
    void shouldReportTheNodeUpWithItsMembers() throws Exception {
      HttpResponse<String> health = net.get("/health");
      assertEquals(200, health.statusCode());
      JsonNode json = JSON.readTree(health.body());
      assertEquals("up", json.get("status").asText());
      assertEquals(1, json.get("members").asInt());
    }

    @Test
    void shouldListTheSubnetWithItsOwnerAndTempo() throws Exception {
      JsonNode subnets = ok(net.get("/v1/subnets"));
      JsonNode subnet = subnets.get(0);
      assertEquals(net.netuid, subnet.get("netuid").asInt());
      assertEquals(net.owner.hotkey(), subnet.get("owner_coldkey").asText());
      assertEquals(net.ownerHot.hotkey(), subnet.get("owner_hotkey").asText());
      assertEquals(10, subnet.get("tempo").asInt());
      assertEquals(3, subnet.get("neurons").asInt());
    }

    @Test
    void shouldAnswerHyperparametersByBittensorName() throws Exception {
      JsonNode h = ok(net.get("/v1/subnets/" + net.netuid + "/hyperparameters"));
      assertEquals(10, h.get("tempo").asInt());
      assertTrue(h.get("commit_reveal_weights_enabled").asBoolean());
      assertEquals(SubnetHyperparameters.names().size(), h.size());
    }

    @Test
    void shouldAnswerTheMetagraphWholeOrTheFieldsAsked() throws Exception {
      JsonNode full = ok(net.get("/v1/subnets/" + net.netuid + "/metagraph"));
      assertEquals(net.netuid, full.get("netuid").asInt());
      assertTrue(full.get("epochs").asLong() >= 1);
      JsonNode validator = full.get("neurons").get(1);
      assertEquals(net.validatorHot.hotkey(), validator.get("hotkey").asText());
      assertEquals(net.validatorCold.hotkey(), validator.get("coldkey").asText());
      assertTrue(validator.get("validator_permit").asBoolean());
      for (String proportion : List.of("consensus", "incentive", "dividends")) {
        double v = validator.get(proportion).asDouble();
        assertTrue(v >= 0 && v <= 1, proportion + " " + v);
      }

      JsonNode some = ok(net.get("/v1/subnets/" + net.netuid + "/metagraph?fields=uid,stake"));
      assertEquals(List.of("uid", "stake"), fieldNames(some.get("neurons").get(1)));
    }

    @Test
    void shouldAnswerAnAccountsFreeBalanceAndStakes() throws Exception {
      JsonNode account = ok(net.get("/v1/accounts/" + net.validatorCold.hotkey()));
      assertEquals(net.validatorCold.hotkey(), account.get("coldkey").asText());
      assertEquals(1_000 * TAO - 100 * TAO - TAO, account.get("free").asLong(), "funded, staked 100 TAO, burned 1 TAO");
      JsonNode stake = account.get("stakes").get(0);
      assertEquals(net.netuid, stake.get("netuid").asInt());
      assertEquals(net.validatorHot.hotkey(), stake.get("hotkey").asText());
      assertTrue(stake.get("amount").asLong() >= 100 * TAO);
    }

    @Test
    void shouldListTheSettledEpochsNewestFirst() throws Exception {
      await(() -> epochs(3).size() >= 2, "two settled epochs");
      JsonNode epochs = ok(net.get("/v1/subnets/" + net.netuid + "/epochs?limit=2"));
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
      net.get("/v1/subnets/" + net.netuid + "/metagraph?fields=nonsense");
      HttpResponse<String> metrics = net.get("/metrics");
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      assertTrue(metrics.body().contains("taofabric_gateway_http_requests_total{route=\"GET /v1/subnets/{netuid}/metagraph\",status=\"400\"}"), metrics.body());
      assertTrue(metrics.body().contains("taofabric_gateway_rejected_requests_total{reason=\"unknown_field\"}"), metrics.body());
      assertTrue(metrics.body().contains("taofabric_gateway_fanout_seconds_bucket"), metrics.body());
      assertTrue(metrics.body().contains("taofabric_settlement_credit_seconds"), metrics.body());
    }

    @Test
    void shouldRefuseUnknownSubnetsFieldsPathsAndMethods() throws Exception {
      error(net.get("/v1/subnets/99/metagraph"), 404, "unknown_subnet");
      error(net.get("/v1/subnets/99/hyperparameters"), 404, "unknown_subnet");
      error(net.get("/v1/subnets/0/epochs"), 404, "unknown_subnet");
      error(net.get("/v1/subnets/" + net.netuid + "/metagraph?fields=uid,rank"), 400, "unknown_field");
      error(net.get("/v1/subnets/" + net.netuid + "/epochs?limit=0"), 400, "malformed");
      error(net.get("/v1/nothing"), 404, "not_found");
      error(net.get("/v1/transactions"), 405, "method_not_allowed");
    }
  }

  @Nested
  class Transactions {
    @Test
    void shouldTransferOnceAndRefuseTheReplay() throws Exception {
      SigningKey from = net.funded(10 * TAO);
      SigningKey to = SigningKey.generate();
      SignedTransaction transfer = net.sign(from, new Transaction.Transfer(to.hotkey(), 3 * TAO));

      JsonNode applied = ok(net.post("/v1/transactions", body(transfer)));
      assertEquals(transfer.id(), applied.get("id").asText());
      assertEquals("applied", applied.get("status").asText());
      error(net.post("/v1/transactions", body(transfer)), 409, "replayed");

      assertEquals(7 * TAO, net.free(from));
      assertEquals(3 * TAO, net.free(to));
    }

    @Test
    void shouldRefuseATransferBeyondTheBalanceAndMoveNothing() throws Exception {
      SigningKey from = net.funded(TAO);
      SigningKey to = SigningKey.generate();
      error(net.submit(from, new Transaction.Transfer(to.hotkey(), 2 * TAO)), 409, "insufficient_balance");
      assertEquals(TAO, net.free(from));
      assertEquals(0, net.free(to));
    }

    @Test
    void shouldRefuseATamperedSignatureAStaleNonceAndMoveNothing() throws Exception {
      SigningKey from = net.funded(TAO);
      SigningKey to = SigningKey.generate();
      SignedTransaction signed = net.sign(from, new Transaction.Transfer(to.hotkey(), TAO / 2));
      byte[] signature = signed.signature();
      signature[0] ^= 1;
      error(net.post("/v1/transactions", body(signed.canonicalBytes(), signature)), 401, "bad_signature");

      long tenMinutesAgo = (System.currentTimeMillis() - 600_000) * 1_000;
      SignedTransaction stale = SignedTransaction.sign(from, tenMinutesAgo, new Transaction.Transfer(to.hotkey(), TAO / 2));
      error(net.post("/v1/transactions", body(stale)), 401, "stale_nonce");

      assertEquals(TAO, net.free(from));
      assertEquals(0, net.free(to));
    }

    @Test
    void shouldRefuseAHyperparameterFromAnotherColdkeyAndChangeNothing() throws Exception {
      long before = ok(net.get("/v1/subnets/" + net.netuid + "/hyperparameters")).get("immunity_period").asLong();
      error(net.submit(net.validatorCold, new Transaction.SetHyperparameter(net.netuid, "immunity_period", "7")), 403, "wrong_signer");
      assertEquals(before, ok(net.get("/v1/subnets/" + net.netuid + "/hyperparameters")).get("immunity_period").asLong());
    }

    @Test
    void shouldRefuseAReplayedHyperparameterThatWouldUndoALaterOne() throws Exception {
      SignedTransaction first = net.sign(net.owner, new Transaction.SetHyperparameter(net.netuid, "activity_cutoff", "4000"));
      ok(net.post("/v1/transactions", body(first)));
      ok(net.submit(net.owner, new Transaction.SetHyperparameter(net.netuid, "activity_cutoff", "4500")));

      error(net.post("/v1/transactions", body(first)), 409, "replayed");
      assertEquals(4_500, ok(net.get("/v1/subnets/" + net.netuid + "/hyperparameters")).get("activity_cutoff").asLong());
    }

    @Test
    void shouldRefuseATransactionOnAnUnknownSubnet() throws Exception {
      SigningKey hotkey = SigningKey.generate();
      error(net.submit(net.minerCold, new Transaction.Register(99, hotkey.hotkey())), 404, "unknown_subnet");
      assertEquals(3, ok(net.get("/v1/subnets")).get(0).get("neurons").asInt());
    }

    @Test
    void shouldRefuseBodiesThatAreNoSignedTransaction() throws Exception {
      SignedTransaction signed = net.sign(net.funded(TAO), new Transaction.Transfer(SigningKey.generate().hotkey(), 1));
      String hex = HexFormat.of().formatHex(signed.canonicalBytes());
      String signature = HexFormat.of().formatHex(signed.signature());
      error(net.post("/v1/transactions", "{\"transaction\": \"" + hex), 400, "malformed");
      error(net.post("/v1/transactions", "{\"transaction\": \"zz" + hex + "\", \"signature\": \"" + signature + "\"}"), 400, "malformed");
      error(net.post("/v1/transactions", "{\"transaction\": \"" + hex.substring(2) + "\", \"signature\": \"" + signature + "\"}"), 400, "malformed");
      error(net.post("/v1/transactions", "{\"transaction\": \"" + hex + "\", \"signature\": \"" + signature + "\", \"fee\": 1}"), 400, "malformed");
      error(net.post("/v1/transactions", "[]"), 400, "malformed");
      ok(net.post("/v1/transactions", body(signed)));
    }

    @Test
    void shouldRefuseAnOversizedBodyUnread() throws Exception {
      error(net.post("/v1/transactions", "{\"transaction\": \"" + "00".repeat(40_000) + "\"}"), 413, "too_large");
    }

    @Test
    void shouldRateLimitASignerAndApplyOnlyWhatPassed() throws Exception {
      SigningKey from = net.funded(TAO);
      SigningKey to = SigningKey.generate();
      for (int i = 0; i < 2; i++) {
        ok(net.post(net.strictGateway, "/v1/transactions", body(net.sign(from, new Transaction.Transfer(to.hotkey(), 1_000)))));
      }
      HttpResponse<String> limited = net.post(net.strictGateway, "/v1/transactions", body(net.sign(from, new Transaction.Transfer(to.hotkey(), 1_000))));
      error(limited, 429, "rate_limited");
      assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) > 0);
      assertEquals(2_000, net.free(to));
    }

    @Test
    void shouldMoveStakeInAndOutAndRefuseRemovingMoreThanIsStaked() throws Exception {
      ok(net.submit(net.minerCold, new Transaction.AddStake(net.netuid, net.minerHot.hotkey(), 2 * TAO)));
      ok(net.submit(net.minerCold, new Transaction.RemoveStake(net.netuid, net.minerHot.hotkey(), TAO)));
      assertEquals(1_000 * TAO - TAO - TAO, net.free(net.minerCold), "funded, burned 1 TAO to register, staked 1 TAO net");
      assertTrue(net.stakeOf(net.minerCold) >= TAO, "the stake, and whatever emission it earned since");

      error(net.submit(net.minerCold, new Transaction.RemoveStake(net.netuid, net.minerHot.hotkey(), 1_000 * TAO)), 409, "insufficient_stake");
      assertEquals(998 * TAO, net.free(net.minerCold));
    }

    @Test
    void shouldCommitRevealAndRefuseACommitWithinTheRateLimit() throws Exception {
      Metagraph.Row validator = net.metagraph().orElseThrow().neurons().get(1);
      await(() -> net.metagraph().orElseThrow().block() >= validator.lastUpdate() + 10, "the weights rate limit since registration");
      byte[] salt = {1, 2, 3, 4};
      Transaction.RevealWeights reveal = new Transaction.RevealWeights(net.netuid, List.of(net.minerUid), List.of(65_535), salt);
      ok(net.submit(net.validatorHot, new Transaction.CommitWeights(net.netuid, reveal.commitHash(net.validatorHot.hotkey()))));
      ok(net.submit(net.validatorHot, reveal));
      Transaction.RevealWeights later = new Transaction.RevealWeights(net.netuid, List.of(net.minerUid), List.of(1), salt);
      error(net.submit(net.validatorHot, new Transaction.CommitWeights(net.netuid, later.commitHash(net.validatorHot.hotkey()))), 409, "weights_rate_limit");
    }

    @Test
    void shouldRefuseAWeightCommitSignedByAnUnregisteredHotkey() throws Exception {
      error(net.submit(SigningKey.generate(), new Transaction.CommitWeights(net.netuid, "ab".repeat(32))), 403, "wrong_signer");
    }
  }

  @Nested
  class Queries {
    @Test
    void shouldAnswerWithTheBestMinersForecast() throws Exception {
      JsonNode answer = ok(net.post("/v1/subnets/" + net.netuid + "/query", "{\"values\": [1, 2, 3, 4], \"horizon\": 2}"));
      assertEquals("forecast", answer.get("task").asText());
      assertEquals(List.of(5.0, 5.0), List.of(answer.get("answer").get("values").get(0).asDouble(), answer.get("answer").get("values").get(1).asDouble()));
      assertEquals(net.minerHot.hotkey(), answer.get("miner").get("hotkey").asText());
      assertEquals(net.validatorHot.hotkey(), answer.get("signer").asText());
      assertTrue(answer.get("latency_ms").asDouble() > 0);
    }

    @Test
    void shouldRefuseAMalformedQueryAndAGatewayWithoutAPermittedKey() throws Exception {
      error(net.post("/v1/subnets/" + net.netuid + "/query", "{\"values\": [1], \"classes\": 2}"), 400, "malformed");
      error(net.post("/v1/subnets/" + net.netuid + "/query", "{\"values\": [], \"horizon\": 2}"), 400, "malformed");
      error(net.post("/v1/subnets/99/query", "{\"values\": [1], \"horizon\": 1}"), 404, "unknown_subnet");
      error(net.post(net.strictGateway, "/v1/subnets/" + net.netuid + "/query", "{\"values\": [1], \"horizon\": 1}"), 503, "no_query_key");
    }

    @Test
    void shouldAnswer504WhenNoMinerAnswers() throws Exception {
      // the subnet's forecaster cannot read a classification query: its endpoint reports a model error
      error(net.post("/v1/subnets/" + net.netuid + "/query", "{\"features\": [0.5, 0.5], \"classes\": 2}"), 504, "no_miner_answered");
    }
  }

  private List<JsonNode> epochs(int limit) {
    try {
      List<JsonNode> list = new ArrayList<>();
      ok(net.get("/v1/subnets/" + net.netuid + "/epochs?limit=" + limit)).forEach(list::add);
      return list;
    } catch (Exception e) {
      return List.of();
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
