package io.taofabric.core.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a replay of the ledger found.
 *
 * @param events events folded in
 * @param issuance rao minted: genesis credits plus settled epochs
 * @param held free balances plus stake, rao
 * @param burned rao burned by registrations
 * @param inFlight rao between entities: settled but not yet credited, sent but not yet received
 * @param checksum a digest of every balance, independent of event order
 * @param violations broken invariants, empty when all hold
 * @param accounts every account's balances
 * @param settledEpochs epochs settled per subnet (numbered from 0, so also the next epoch's number)
 */
public record LedgerSummary(
    long events,
    long issuance,
    long held,
    long burned,
    long inFlight,
    String checksum,
    List<String> violations,
    Map<String, AccountBalance> accounts,
    Map<Integer, Long> settledEpochs) {

  /** One account's balances. */
  public record AccountBalance(long free, Map<StakeKey, Long> stakes) {
    /** All stake, rao. */
    public long staked() {
      return stakes.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public LedgerSummary {
    violations = List.copyOf(violations);
    accounts = Map.copyOf(accounts);
    settledEpochs = Map.copyOf(settledEpochs);
  }

  /** Whether every invariant holds. */
  public boolean invariantsHold() {
    return violations.isEmpty();
  }

  /** The summary's last line, exactly as {@code fabric ledger replay} prints it. */
  public String line() {
    String verdict =
        violations.isEmpty() ? "invariants OK" : "invariants BROKEN: " + String.join("; ", violations);
    return String.format(
        Locale.ROOT,
        "ledger: %d events, issuance %d rao, held %d rao, checksum %s, %s",
        events,
        issuance,
        held,
        checksum,
        verdict);
  }
}
