package io.taofabric.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayClientTest {
  private FakeGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Nested
  class Url {
    @ParameterizedTest
    @ValueSource(strings = {"ftp://10.0.0.5", "127.0.0.1:7700", "http://", "http://10.0.0.5/?q=1", "http://u@10.0.0.5", "not a url"})
    void shouldRefuseAnythingButAPlainHttpUrl(String url) {
      CliFailure e = assertThrows(CliFailure.class, () -> GatewayClient.at(url));

      assertEquals(CliFailure.BAD_INPUT, e.exitCode());
      assertTrue(e.getMessage().startsWith("the gateway must be"), e.getMessage());
    }

    @Test
    void shouldKeepAPathPrefixAndDropTrailingSlashes() throws Exception {
      gateway.answer("GET", "/fabric/v1/subnets", 200, "{}");

      GatewayClient.at(gateway.url() + "/fabric//").get("/v1/subnets");

      assertEquals("/fabric/v1/subnets", gateway.only().path());
    }
  }

  @Nested
  class Reads {
    @Test
    void shouldReturnTheJsonAnswer() throws Exception {
      gateway.answer("GET", "/v1/subnets", 200, "{\"subnets\":[{\"netuid\":1}]}");

      assertEquals(1, GatewayClient.at(gateway.url() + "/").get("/v1/subnets").get("subnets").get(0).get("netuid").intValue());
      assertEquals("GET", gateway.only().method());
    }

    @Test
    void shouldReportTheGatewaysReasonAndMessageAsRefusedAndNotApplied() throws Exception {
      CliFailure e = assertThrows(CliFailure.class, () -> GatewayClient.at(gateway.url()).get("/v1/nothing"));

      assertEquals("the gateway answered HTTP 404: not_found: no route GET /v1/nothing", e.getMessage());
      assertEquals(CliFailure.FAILED, e.exitCode());
      assertTrue(e.nothingApplied());
    }

    @Test
    void shouldQuoteABodyThatIsNotTheErrorForm() throws Exception {
      gateway.answer("GET", "/v1/subnets", 502, "Bad Gateway\n<html>...</html>");

      CliFailure e = assertThrows(CliFailure.class, () -> GatewayClient.at(gateway.url()).get("/v1/subnets"));

      assertEquals("the gateway answered HTTP 502: Bad Gateway", e.getMessage());
      assertFalse(e.nothingApplied(), "a 5xx may come after the entity was asked");
    }

    @Test
    void shouldSayWhenToRetryAfterARateLimit() throws Exception {
      gateway.answer("GET", "/v1/subnets", 429, "{\"error\":{\"reason\":\"rate_limited\",\"message\":\"slow down\"}}", Map.of("Retry-After", "3"));

      CliFailure e = assertThrows(CliFailure.class, () -> GatewayClient.at(gateway.url()).get("/v1/subnets"));

      assertEquals("the gateway answered HTTP 429: rate_limited: slow down (retry after 3 s)", e.getMessage());
    }

    @Test
    void shouldRefuseASuccessThatIsNotJson() throws Exception {
      gateway.answer("GET", "/v1/subnets", 200, "hello");

      CliFailure e = assertThrows(CliFailure.class, () -> GatewayClient.at(gateway.url()).get("/v1/subnets"));

      assertEquals("the gateway answered something that is not JSON: hello", e.getMessage());
    }

    @Test
    void shouldSayTheGatewayCannotBeReachedAndNothingWasApplied() throws Exception {
      String url = gateway.url();
      gateway.close();

      CliFailure e = assertThrows(CliFailure.class, () -> GatewayClient.at(url).get("/health"));

      assertEquals("cannot reach the gateway at " + url + " (is a node serving it? --gateway names another)", e.getMessage());
      assertTrue(e.nothingApplied());
    }
  }

  @Nested
  class Submit {
    @Test
    void shouldPostTheCanonicalBytesAndSignatureInHexWithTheClockInMicroseconds() throws Exception {
      SigningKey coldkey = SigningKey.generate();
      SigningKey to = SigningKey.generate();
      long before = micros(Instant.now());

      GatewayClient.Submitted submitted =
          GatewayClient.at(gateway.url()).submit(coldkey, new Transaction.Transfer(to.hotkey(), 1_500_000_000L));

      long after = micros(Instant.now());
      FakeGateway.Request request = gateway.only();
      assertEquals("POST", request.method());
      assertEquals("/v1/transactions", request.path());
      SignedTransaction sent = request.transaction();
      assertTrue(sent.verify());
      assertEquals(coldkey.hotkey(), sent.signer());
      assertEquals(new Transaction.Transfer(to.hotkey(), 1_500_000_000L), sent.transaction());
      assertTrue(sent.nonce() >= before && sent.nonce() <= after, sent.nonce() + " in [" + before + ", " + after + "]");
      assertEquals(sent, submitted.transaction());
      assertEquals("applied", submitted.answer().get("status").textValue());
      assertEquals(sent.id(), submitted.answer().get("id").textValue());
    }

    @Test
    void shouldReportARefusalAsNotApplied() throws Exception {
      gateway.refuseTransactions(401, "bad_signature", "the signature does not verify");

      CliFailure e =
          assertThrows(
              CliFailure.class,
              () -> GatewayClient.at(gateway.url()).submit(SigningKey.generate(), new Transaction.CreateSubnet(SigningKey.generate().hotkey())));

      assertEquals("the gateway answered HTTP 401: bad_signature: the signature does not verify", e.getMessage());
      assertTrue(e.nothingApplied());
    }

    private static long micros(Instant instant) {
      return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
  }
}
