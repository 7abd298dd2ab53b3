package io.taofabric.deploy.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.StakeKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LedgerSummary SUMMARY =
      new LedgerSummary(
          70,
          2_500,
          2_400,
          60,
          40,
          "b609a853873e3ffe",
          List.of(),
          Map.of(
              "alice", new LedgerSummary.AccountBalance(900, Map.of(new StakeKey("hot-b", 2), 50L, new StakeKey("hot-a", 1), 25L)),
              "bob", new LedgerSummary.AccountBalance(1_425, Map.of())),
          Map.of(2, 5L, 1, 4L));

  @Test
  void shouldCarryEveryFigureOfTheSummaryInRao() throws Exception {
    JsonNode json = JSON.readTree(ReplayJson.of(SUMMARY, null));

    assertEquals(70, json.get("events").asLong());
    assertEquals(2, json.get("accounts").asInt());
    assertEquals(2_500, json.get("issuance").asLong());
    assertEquals(2_400, json.get("held").asLong());
    assertEquals(60, json.get("burned").asLong());
    assertEquals(40, json.get("in_flight").asLong());
    assertEquals("b609a853873e3ffe", json.get("checksum").asText());
    assertEquals(true, json.get("invariants_ok").asBoolean());
    assertEquals(0, json.get("violations").size());
    assertEquals("{\"1\":4,\"2\":5}", json.get("settled_epochs").toString());
    assertEquals(null, json.get("account"));
  }

  @Test
  void shouldListTheAskedAccountsStakesInOrder() throws Exception {
    JsonNode account = JSON.readTree(ReplayJson.of(SUMMARY, "alice")).get("account");

    assertEquals("alice", account.get("coldkey").asText());
    assertEquals(900, account.get("free").asLong());
    assertEquals(
        "[{\"netuid\":1,\"hotkey\":\"hot-a\",\"amount\":25},{\"netuid\":2,\"hotkey\":\"hot-b\",\"amount\":50}]",
        account.get("stakes").toString());
  }

  @Test
  void shouldShowAnAccountWithoutEventsAsEmpty() throws Exception {
    JsonNode account = JSON.readTree(ReplayJson.of(SUMMARY, "carol")).get("account");

    assertEquals(0, account.get("free").asLong());
    assertEquals(0, account.get("stakes").size());
  }

  @Test
  void shouldNameEveryBrokenInvariant() throws Exception {
    LedgerSummary broken =
        new LedgerSummary(1, 10, 11, 0, 0, "00", List.of("held exceeds issuance"), Map.of(), Map.of());

    JsonNode json = JSON.readTree(ReplayJson.of(broken, null));

    assertEquals(false, json.get("invariants_ok").asBoolean());
    assertEquals("[\"held exceeds issuance\"]", json.get("violations").toString());
  }
}
