package io.taofabric.loadtests.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Stake moves: each arriving user is a pool coldkey that adds {@link #ADDED} rao of stake to one
 * existing hotkey of subnet {@link #NETUID} (the one with the most stake, read in {@link #before})
 * and, once that is applied, removes {@link #REMOVED}, each with a fresh nonce. {@link #after}
 * reads every pool coldkey through the gateway and fails when its stake is not what the applied
 * moves left, or its free balance and stake do not add up to what it was funded with.
 */
final class StakeLoad {
  private static final int NETUID = 1;
  private static final long ADDED = 2_000;
  private static final long REMOVED = 1_000;

  /** One coldkey's moves: those answered 200, and those the client cannot tell were applied. */
  private record Moves(AtomicLong added, AtomicLong removed, AtomicLong addsInDoubt, AtomicLong removesInDoubt) {
    Moves() {
      this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
    }

    long leastStake() {
      return added.get() - removed.get() - removesInDoubt.get();
    }

    long mostStake() {
      return added.get() + addsInDoubt.get() - removed.get();
    }
  }

  private final double usersPerSecond;
  private final Map<String, Moves> moves = new ConcurrentHashMap<>();
  private FundedSigners stakers;
  private long funded;
  private String hotkey;

  StakeLoad(double usersPerSecond) {
    this.usersPerSecond = usersPerSecond;
  }

  /** Users that add then remove stake, arriving at the rate given: twice as many requests. */
  PopulationBuilder population() {
    return scenario("stake moves")
        .feed(Stream.generate(this::nextMoves).iterator())
        .exec(Gateway.transaction("add stake", "add"))
        .exec(session -> record(session, true))
        .exitHereIfFailed()
        .exec(Gateway.transaction("remove stake", "remove"))
        .exec(session -> record(session, false))
        .injectOpen(Gateway.load(usersPerSecond));
  }

  void before() {
    hotkey = Gateway.mostStakedHotkey(NETUID);
    int users = Gateway.arrivals(usersPerSecond);
    int perStaker = FundedSigners.TRANSACTIONS_EACH / 2;
    funded = (perStaker + 1) * ADDED;
    stakers = FundedSigners.fund("stake", FundedSigners.needed(users, 2), funded);
    for (SigningKey staker : stakers.keys()) {
      moves.put(staker.hotkey(), new Moves());
    }
    System.out.printf("stake: on hotkey %s in subnet %d%n", hotkey, NETUID);
  }

  void after() {
    List<String> wrong = new ArrayList<>();
    long added = 0;
    long removed = 0;
    for (Map.Entry<String, Moves> entry : moves.entrySet()) {
      String coldkey = entry.getKey();
      Moves m = entry.getValue();
      added += m.added().get();
      removed += m.removed().get();
      JsonNode account = Gateway.readAccount(coldkey);
      long stake = stakeOn(account);
      long free = account.get("free").asLong();
      if (stake < m.leastStake() || stake > m.mostStake() || free + stake != funded) {
        wrong.add(String.format("%s: stake %d (applied moves leave %d to %d), free %d (free + stake should be %d)",
            coldkey, stake, m.leastStake(), m.mostStake(), free, funded));
      }
    }
    String first = stakers.keys().get(0).hotkey();
    Moves m = moves.get(first);
    // one staker's figures for the ledger replay (load-tests/run-gatling checks them there)
    System.out.printf("stake: coldkey=%s netuid=%d hotkey=%s funded=%d least=%d most=%d%n",
        first, NETUID, hotkey, funded, m.leastStake(), m.mostStake());
    System.out.printf("stake: %d stakers, %d adds and %d removes applied; the gateway reads %s%n",
        moves.size(), added / ADDED, removed / REMOVED, wrong.isEmpty() ? "every staker's stake and balance as they moved" : wrong.size() + " wrong");
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("stake not what the applied moves left:\n" + String.join("\n", wrong));
    }
  }

  private long stakeOn(JsonNode account) {
    for (JsonNode stake : account.get("stakes")) {
      if (stake.get("netuid").asInt() == NETUID && stake.get("hotkey").asText().equals(hotkey)) {
        return stake.get("amount").asLong();
      }
    }
    return 0;
  }

  private Map<String, Object> nextMoves() {
    SigningKey staker = stakers.next();
    return Map.of(
        "coldkey", staker.hotkey(),
        "add", Gateway.body(sign(staker, new Transaction.AddStake(NETUID, hotkey, ADDED))),
        "remove", Gateway.body(sign(staker, new Transaction.RemoveStake(NETUID, hotkey, REMOVED))));
  }

  private static SignedTransaction sign(SigningKey coldkey, Transaction tx) {
    return SignedTransaction.sign(coldkey, Gateway.NONCES.next(), tx);
  }

  /** Counts the move just answered as applied, or as in doubt when it failed. */
  private Session record(Session session, boolean add) {
    Moves m = moves.get(session.getString("coldkey"));
    AtomicLong counter = add
        ? (session.isFailed() ? m.addsInDoubt() : m.added())
        : (session.isFailed() ? m.removesInDoubt() : m.removed());
    counter.addAndGet(add ? ADDED : REMOVED);
    return session;
  }
}
