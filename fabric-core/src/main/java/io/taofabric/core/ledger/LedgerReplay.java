package io.taofabric.core.ledger;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.AccountEvent.EmissionCredited;
import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import io.taofabric.core.ledger.AccountEvent.RegistrationBurned;
import io.taofabric.core.ledger.AccountEvent.StakeAdded;
import io.taofabric.core.ledger.AccountEvent.StakeRemoved;
import io.taofabric.core.ledger.AccountEvent.SubnetLockRecycled;
import io.taofabric.core.ledger.AccountEvent.TransferDelivered;
import io.taofabric.core.ledger.AccountEvent.TransferredIn;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds every balance from the journal and checks the ledger's invariants: no negative
 * balance, no operation applied twice, every credit backed by a settled epoch, each subnet's
 * epochs settled once each and without a gap from epoch 0, every received transfer sent, every
 * confirmed transfer sent by its confirmer and received, issuance
 * within the 21M cap, and, exactly in rao,
 * {@code issuance = held + burned + in flight}. Each journal is fed in its own order; journals may
 * interleave in any order. Events after {@code toBlock} are left out (a point-in-time replay).
 */
public final class LedgerReplay {
  private static final int MAX_REPORTED = 10;

  private final long toBlock;
  private final Map<String, Account> accounts = new TreeMap<>();
  private final Map<String, EpochSettled> settled = new HashMap<>();
  private final Map<String, Credit> credits = new HashMap<>();
  private final Map<String, TransferredOut> sent = new HashMap<>();
  private final Map<String, Transfer> received = new HashMap<>();
  private final List<String> delivered = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private long events;
  private long genesis;
  private long settledTotal;
  private long burned;

  private record Credit(String coldkey, EmissionCredited event) {}

  private record Transfer(String to, TransferredIn event) {}

  /** A replay of everything. */
  public LedgerReplay() {
    this(Long.MAX_VALUE);
  }

  /** A replay of the events applied up to and including {@code toBlock}. */
  public LedgerReplay(long toBlock) {
    this.toBlock = toBlock;
  }

  /** Folds in the next event of {@code coldkey}'s journal. */
  public void account(String coldkey, AccountEvent event) {
    if (event.block() > toBlock) {
      return;
    }
    events++;
    Account account = accounts.computeIfAbsent(coldkey, Account::new);
    if (event instanceof TransferDelivered) {
      // a confirmation carries the id its transfer was sent under
      if (!account.isUndelivered(event.operationId())) {
        violation("transfer " + event.operationId() + " confirmed to " + coldkey + ", which has no such transfer waiting");
      }
      delivered.add(event.operationId());
    } else if (account.hasApplied(event.operationId())) {
      violation("operation " + event.operationId() + " applied twice to " + coldkey);
    }
    account.apply(event);
    if (event instanceof GenesisCredited e) {
      genesis += e.amount();
    } else if (event instanceof RegistrationBurned e) {
      burned += e.amount();
    } else if (event instanceof SubnetLockRecycled e) {
      burned += e.amount();
    } else if (event instanceof TransferredOut e) {
      sent.put(e.operationId(), e);
    } else if (event instanceof TransferredIn e) {
      received.put(e.operationId(), new Transfer(coldkey, e));
    } else if (event instanceof EmissionCredited e) {
      credits.put(e.operationId(), new Credit(coldkey, e));
    }
    if (account.free() < 0) {
      violation("negative free balance " + account.free() + " in " + coldkey + " after " + event.operationId());
    }
    StakeKey touched = touchedStake(event);
    if (touched != null && account.staked(touched) < 0) {
      violation("negative stake " + account.staked(touched) + " on " + touched + " in " + coldkey);
    }
  }

  /** Folds in the next event of a subnet's settlement journal. */
  public void settlement(SettlementEvent event) {
    if (event.block() > toBlock) {
      return;
    }
    events++;
    if (event instanceof EpochSettled s) {
      String key = s.netuid() + "/" + s.epoch();
      if (settled.putIfAbsent(key, s) != null) {
        violation("epoch " + key + " settled twice");
        return;
      }
      settledTotal += s.total();
    }
  }

  /** Checks the invariants over everything folded in. */
  public LedgerSummary finish() {
    Map<Integer, Long> settledEpochs = checkEpochSequences();
    checkCredits();
    checkTransfers();
    long held = 0;
    Map<String, LedgerSummary.AccountBalance> balances = new TreeMap<>();
    for (Account a : accounts.values()) {
      held += a.free() + a.totalStaked();
      balances.put(a.coldkey(), new LedgerSummary.AccountBalance(a.free(), a.stakes()));
    }
    long issuance = genesis + settledTotal;
    long inFlight = uncreditedEmission() + unreceivedTransfers();
    if (issuance != held + burned + inFlight) {
      violation(
          "issuance " + issuance + " != held " + held + " + burned " + burned + " + in flight " + inFlight);
    }
    if (issuance > BlockEmission.MAX_SUPPLY_RAO) {
      violation("issuance " + issuance + " exceeds the 21M TAO cap");
    }
    return new LedgerSummary(
        events, issuance, held, burned, inFlight, checksum(balances), violations, balances, settledEpochs);
  }

  /** Epochs settled per subnet; an epoch missing below a subnet's last one is a lost epoch. */
  private Map<Integer, Long> checkEpochSequences() {
    Map<Integer, Long> count = new TreeMap<>();
    Map<Integer, Long> highest = new TreeMap<>();
    for (EpochSettled s : settled.values()) {
      count.merge(s.netuid(), 1L, Long::sum);
      highest.merge(s.netuid(), s.epoch(), Math::max);
    }
    for (Map.Entry<Integer, Long> subnet : count.entrySet()) {
      long last = highest.get(subnet.getKey());
      if (last + 1 != subnet.getValue()) {
        violation("subnet " + subnet.getKey() + " settled " + subnet.getValue() + " epochs up to epoch " + last + ": an epoch is missing");
      }
    }
    return count;
  }

  private void checkCredits() {
    for (Credit credit : credits.values()) {
      EmissionCredited e = credit.event();
      EpochSettled s = settled.get(e.netuid() + "/" + e.epoch());
      UidEmission paid = s == null ? null : find(s, e.uid());
      if (paid == null) {
        violation("credit " + e.operationId() + " has no settled epoch behind it");
      } else if (paid.amount() != e.amount() || !paid.hotkey().equals(e.hotkey()) || !paid.coldkey().equals(credit.coldkey())) {
        violation("credit " + e.operationId() + " differs from its settlement");
      }
    }
  }

  private void checkTransfers() {
    for (Map.Entry<String, Transfer> in : received.entrySet()) {
      TransferredOut out = sent.get(in.getKey());
      TransferredIn e = in.getValue().event();
      if (out == null) {
        violation("transfer " + in.getKey() + " received but never sent");
      } else if (out.amount() != e.amount() || !out.to().equals(in.getValue().to())) {
        violation("transfer " + in.getKey() + " received differs from what was sent");
      }
    }
    for (String id : delivered) {
      if (!received.containsKey(id)) {
        violation("transfer " + id + " confirmed but never received");
      }
    }
  }

  private long uncreditedEmission() {
    long total = 0;
    for (EpochSettled s : settled.values()) {
      for (UidEmission e : s.emissions()) {
        if (e.amount() > 0 && !credits.containsKey(AccountCommand.emissionKey(s.netuid(), s.epoch(), e.uid()))) {
          total += e.amount();
        }
      }
    }
    return total;
  }

  private long unreceivedTransfers() {
    long total = 0;
    for (TransferredOut out : sent.values()) {
      if (!received.containsKey(out.operationId())) {
        total += out.amount();
      }
    }
    return total;
  }

  /** The only stake an event can change, or null: a journal is audited, not trusted, so any may go negative. */
  private static StakeKey touchedStake(AccountEvent event) {
    if (event instanceof StakeAdded e) {
      return new StakeKey(e.hotkey(), e.netuid());
    } else if (event instanceof StakeRemoved e) {
      return new StakeKey(e.hotkey(), e.netuid());
    } else if (event instanceof EmissionCredited e) {
      return new StakeKey(e.hotkey(), e.netuid());
    }
    return null;
  }

  private static UidEmission find(EpochSettled s, int uid) {
    for (UidEmission e : s.emissions()) {
      if (e.uid() == uid) {
        return e;
      }
    }
    return null;
  }

  private void violation(String what) {
    if (violations.size() < MAX_REPORTED) {
      violations.add(what);
    } else if (violations.size() == MAX_REPORTED) {
      violations.add("and more");
    }
  }

  private static String checksum(Map<String, LedgerSummary.AccountBalance> balances) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, LedgerSummary.AccountBalance> a : balances.entrySet()) {
        StringBuilder line = new StringBuilder(a.getKey()).append(' ').append(a.getValue().free());
        for (Map.Entry<StakeKey, Long> s : new TreeMap<>(a.getValue().stakes()).entrySet()) {
          line.append(' ').append(s.getKey().hotkey()).append('@').append(s.getKey().netuid()).append('=').append(s.getValue());
        }
        digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
