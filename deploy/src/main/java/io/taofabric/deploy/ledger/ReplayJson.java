package io.taofabric.deploy.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.StakeKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code fabric ledger replay --json}: the summary as one JSON object, amounts in rao, for scripts
 * that check a network after a run (nothing lost, nothing paid twice).
 */
final class ReplayJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReplayJson() {}

  /** The summary, with {@code account}'s balances when it is not null. */
  static String of(LedgerSummary s, String account) {
    ObjectNode root = JSON.createObjectNode()
        .put("events", s.events())
        .put("accounts", s.accounts().size())
        .put("issuance", s.issuance())
        .put("held", s.held())
        .put("burned", s.burned())
        .put("in_flight", s.inFlight())
        .put("checksum", s.checksum())
        .put("invariants_ok", s.invariantsHold());
    ArrayNode violations = root.putArray("violations");
    s.violations().forEach(violations::add);
    ObjectNode settled = root.putObject("settled_epochs");
    new TreeMap<>(s.settledEpochs()).forEach((netuid, epochs) -> settled.put(Integer.toString(netuid), epochs));
    if (account != null) {
      ObjectNode a = root.putObject("account").put("coldkey", account);
      LedgerSummary.AccountBalance balance = s.accounts().get(account);
      a.put("free", balance == null ? 0 : balance.free());
      ArrayNode stakes = a.putArray("stakes");
      if (balance != null) {
        for (Map.Entry<StakeKey, Long> stake : new TreeMap<>(balance.stakes()).entrySet()) {
          stakes.addObject().put("netuid", stake.getKey().netuid()).put("hotkey", stake.getKey().hotkey()).put("amount", stake.getValue());
        }
      }
    }
    return root.toString();
  }
}
