package io.taofabric.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An account as {@code GET /v1/accounts/{coldkey}} answers it: the free balance and the stakes,
 * amounts in rao.
 */
public record Account(String coldkey, long free, List<Stake> stakes) {
  /** Stake the account holds on a hotkey in a subnet. */
  public record Stake(int netuid, String hotkey, long rao) {}

  /** Copies the stakes. */
  public Account {
    stakes = List.copyOf(stakes);
  }

  /** The account of {@code coldkey}, as the gateway answers. */
  public static Account read(GatewayClient gateway, String coldkey) throws CliFailure {
    return from(gateway.get("/v1/accounts/" + coldkey));
  }

  /** The account in the gateway's answer {@code json}; a missing field is the gateway's fault. */
  private static Account from(JsonNode json) throws CliFailure {
    String coldkey = GatewayJson.text(json, "coldkey");
    long free = GatewayJson.number(json, "free");
    List<Stake> stakes = new ArrayList<>();
    for (JsonNode stake : GatewayJson.array(json, "stakes")) {
      stakes.add(
          new Stake(
              (int) GatewayJson.number(stake, "netuid"), GatewayJson.text(stake, "hotkey"), GatewayJson.number(stake, "amount")));
    }
    return new Account(coldkey, free, stakes);
  }

  /** The sum of the stakes, rao. */
  public long staked() {
    long sum = 0;
    for (Stake stake : stakes) {
      sum += stake.rao();
    }
    return sum;
  }
}
