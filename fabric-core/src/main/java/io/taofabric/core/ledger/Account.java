package io.taofabric.core.ledger;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.AccountCommand.AddStake;
import io.taofabric.core.ledger.AccountCommand.BurnForRegistration;
import io.taofabric.core.ledger.AccountCommand.CreditEmission;
import io.taofabric.core.ledger.AccountCommand.CreditGenesis;
import io.taofabric.core.ledger.AccountCommand.LockForSubnet;
import io.taofabric.core.ledger.AccountCommand.ReceiveTransfer;
import io.taofabric.core.ledger.AccountCommand.RemoveStake;
import io.taofabric.core.ledger.AccountCommand.SendTransfer;
import io.taofabric.core.ledger.AccountEvent.EmissionCredited;
import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import io.taofabric.core.ledger.AccountEvent.RegistrationBurned;
import io.taofabric.core.ledger.AccountEvent.StakeAdded;
import io.taofabric.core.ledger.AccountEvent.StakeRemoved;
import io.taofabric.core.ledger.AccountEvent.SubnetLockRecycled;
import io.taofabric.core.ledger.AccountEvent.TransferDelivered;
import io.taofabric.core.ledger.AccountEvent.TransferredIn;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One coldkey's balances: free rao, stake per (hotkey, subnet), the operations already applied, and
 * the transfers it sent whose receiver has not yet confirmed the credit (its outbox: the sender
 * owns a transfer until then, so a transfer is two account writes and a confirmation, with no
 * third journal in between). {@link #decide} is the rule book (validation and idempotency); {@link #apply} folds an
 * event in. The state is mutable for replay speed and belongs to exactly one owner (an entity or
 * a replay); anything handed out is a copy.
 */
public final class Account {
  private final String coldkey;
  private long free;
  private final TreeMap<StakeKey, Long> staked = new TreeMap<>();
  private final Set<String> applied = new LinkedHashSet<>();
  private final Map<String, TransferredOut> undelivered = new LinkedHashMap<>();

  /** An empty account for {@code coldkey}. */
  public Account(String coldkey) {
    if (coldkey == null || coldkey.isBlank()) {
      throw new IllegalArgumentException("coldkey is empty");
    }
    this.coldkey = coldkey;
  }

  /**
   * An immutable copy of an account: what a snapshot stores.
   *
   * @param appliedOperations the idempotency keys applied, in the order applied
   * @param undelivered the transfers sent whose credit is not confirmed yet, in the order sent
   */
  public record Snapshot(
      String coldkey,
      long free,
      SortedMap<StakeKey, Long> stakes,
      List<String> appliedOperations,
      List<TransferredOut> undelivered) {
    public Snapshot {
      stakes = Collections.unmodifiableSortedMap(new TreeMap<>(stakes));
      appliedOperations = List.copyOf(appliedOperations);
      undelivered = List.copyOf(undelivered);
    }
  }

  /** This account's balances, applied operations and outbox, copied. */
  public Snapshot snapshot() {
    return new Snapshot(coldkey, free, stakes(), appliedOperations(), List.copyOf(undelivered.values()));
  }

  /** An account rebuilt from a snapshot. */
  public static Account restore(Snapshot snapshot) {
    Account a = new Account(snapshot.coldkey());
    a.free = snapshot.free();
    a.staked.putAll(snapshot.stakes());
    a.applied.addAll(snapshot.appliedOperations());
    snapshot.undelivered().forEach(sent -> a.undelivered.put(sent.operationId(), sent));
    return a;
  }

  /** The events {@code command} produces, or why it is refused. Changes nothing. */
  public Decision<AccountEvent> decide(AccountCommand command) {
    if (applied.contains(command.operationId())) {
      return new Decision.AlreadyApplied<>();
    }
    String amountProblem = amountProblem(command);
    if (amountProblem != null) {
      return Decision.reject(amountProblem);
    }
    if (command instanceof CreditGenesis c) {
      return credit(c.amount(), new GenesisCredited(c.operationId(), c.amount(), c.block()));
    } else if (command instanceof SendTransfer c) {
      if (c.to().equals(coldkey)) {
        return Decision.reject("cannot transfer to the same account");
      }
      return debit(c.amount(), new TransferredOut(c.operationId(), c.to(), c.amount(), c.block()));
    } else if (command instanceof ReceiveTransfer c) {
      return credit(c.amount(), new TransferredIn(c.operationId(), c.from(), c.amount(), c.block()));
    } else if (command instanceof AddStake c) {
      return debit(c.amount(), new StakeAdded(c.operationId(), c.hotkey(), c.netuid(), c.amount(), c.block()));
    } else if (command instanceof RemoveStake c) {
      long held = staked(new StakeKey(c.hotkey(), c.netuid()));
      if (c.amount() > held) {
        return Decision.reject(
            "insufficient stake on " + c.hotkey() + " in subnet " + c.netuid() + ": has " + held + " rao, needs " + c.amount());
      }
      return Decision.accept(new StakeRemoved(c.operationId(), c.hotkey(), c.netuid(), c.amount(), c.block()));
    } else if (command instanceof BurnForRegistration c) {
      return debit(
          c.amount(), new RegistrationBurned(c.operationId(), c.hotkey(), c.netuid(), c.amount(), c.block()));
    } else if (command instanceof LockForSubnet c) {
      return debit(c.amount(), new SubnetLockRecycled(c.operationId(), c.netuid(), c.amount(), c.block()));
    }
    CreditEmission c = (CreditEmission) command;
    long held = staked(new StakeKey(c.hotkey(), c.netuid()));
    if (held > Long.MAX_VALUE - c.amount()) {
      return Decision.reject("stake would overflow");
    }
    return Decision.accept(
        new EmissionCredited(c.operationId(), c.netuid(), c.epoch(), c.uid(), c.hotkey(), c.amount(), c.block()));
  }

  /**
   * The receiver confirmed the credit of transfer {@code transferId}: the event that takes it out
   * of the outbox, or already applied when it is not there (confirmed before, or never sent).
   */
  public Decision<AccountEvent> decideDelivered(String transferId) {
    TransferredOut sent = undelivered.get(transferId);
    if (sent == null) {
      return new Decision.AlreadyApplied<>();
    }
    return Decision.accept(new TransferDelivered(transferId, sent.to(), sent.amount(), sent.block()));
  }

  /** Folds {@code event} into the balances. Events come from {@link #decide} or the journal. */
  public Account apply(AccountEvent event) {
    applied.add(event.operationId());
    if (event instanceof GenesisCredited e) {
      free += e.amount();
    } else if (event instanceof TransferredOut e) {
      free -= e.amount();
      undelivered.put(e.operationId(), e);
    } else if (event instanceof TransferDelivered e) {
      undelivered.remove(e.operationId());
    } else if (event instanceof TransferredIn e) {
      free += e.amount();
    } else if (event instanceof StakeAdded e) {
      free -= e.amount();
      staked.merge(new StakeKey(e.hotkey(), e.netuid()), e.amount(), Long::sum);
    } else if (event instanceof StakeRemoved e) {
      free += e.amount();
      staked.merge(new StakeKey(e.hotkey(), e.netuid()), -e.amount(), Long::sum);
      staked.remove(new StakeKey(e.hotkey(), e.netuid()), 0L);
    } else if (event instanceof RegistrationBurned e) {
      free -= e.amount();
    } else if (event instanceof SubnetLockRecycled e) {
      free -= e.amount();
    } else if (event instanceof EmissionCredited e) {
      staked.merge(new StakeKey(e.hotkey(), e.netuid()), e.amount(), Long::sum);
    }
    return this;
  }

  /** The coldkey. */
  public String coldkey() {
    return coldkey;
  }

  /** Free balance, rao. */
  public long free() {
    return free;
  }

  /** Stake on one hotkey in one subnet, rao. */
  public long staked(StakeKey key) {
    return staked.getOrDefault(key, 0L);
  }

  /** All stake, rao. */
  public long totalStaked() {
    long total = 0;
    for (long v : staked.values()) {
      total += v;
    }
    return total;
  }

  /** A copy of the stake per (hotkey, subnet), in key order. */
  public SortedMap<StakeKey, Long> stakes() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(staked));
  }

  /** Whether the operation with this idempotency key has been applied. */
  public boolean hasApplied(String operationId) {
    return applied.contains(operationId);
  }

  /** The transfers this account sent whose receiver has not confirmed the credit, in the order sent. */
  public Collection<TransferredOut> undelivered() {
    return List.copyOf(undelivered.values());
  }

  /** What the receiver of {@code sent} is asked to apply: the credit, under the transfer's id. */
  public ReceiveTransfer creditFor(TransferredOut sent) {
    return new ReceiveTransfer(sent.operationId(), coldkey, sent.amount(), sent.block());
  }

  /** Whether transfer {@code transferId} was sent and its receiver has not confirmed it yet. */
  public boolean isUndelivered(String transferId) {
    return undelivered.containsKey(transferId);
  }

  /**
   * The idempotency keys applied so far, in the order applied (for snapshots; not sorted, since
   * a busy account's snapshot would sort every key it ever applied).
   */
  public List<String> appliedOperations() {
    return new ArrayList<>(applied);
  }

  private Decision<AccountEvent> credit(long amount, AccountEvent event) {
    if (free > Long.MAX_VALUE - amount) {
      return Decision.reject("free balance would overflow");
    }
    return Decision.accept(event);
  }

  private Decision<AccountEvent> debit(long amount, AccountEvent event) {
    if (amount > free) {
      return Decision.reject("insufficient free balance: has " + free + " rao, needs " + amount);
    }
    return Decision.accept(event);
  }

  private static String amountProblem(AccountCommand command) {
    long amount = command.amount();
    if (amount <= 0) {
      return "amount must be positive, got " + amount;
    }
    if (amount > BlockEmission.MAX_SUPPLY_RAO) {
      return "amount exceeds the 21M TAO supply: " + amount;
    }
    if (command.operationId() == null || command.operationId().isBlank()) {
      return "operation id is empty";
    }
    return null;
  }
}
