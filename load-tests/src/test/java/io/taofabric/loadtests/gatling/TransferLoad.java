package io.taofabric.loadtests.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.taofabric.core.crypto.SigningKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Signed transfers of {@link #RAO_EACH} rao, each from a pool key with a fresh nonce to one of
 * {@code -Dsinks} fresh receivers in turn (default 1: every transfer into one hot account, which
 * takes one journal write at a time), arriving at a given rate. The first receiver is the sink the
 * checks read; {@link Outcome} counts the transfers sent to it. {@link #before} funds the pool; {@link #after} prints the sink's
 * balance beside what the applied transfers moved, for the ledger replay to confirm
 * (load-tests/run-gatling and GatlingSmokeIT do). A transfer the client gave up on may still have
 * been applied, so after failures the sink may hold up to what was sent.
 */
final class TransferLoad {
  private static final long RAO_EACH = 1_000;

  /** What the last run moved, for a check of the ledger after the simulation ended. */
  record Outcome(String sink, long sent, long applied) {
    long expected() {
      return applied * RAO_EACH;
    }

    long sentRao() {
      return sent * RAO_EACH;
    }
  }

  private static volatile Outcome last;

  private final double perSecond;
  private final SigningKey sink = SigningKey.generate();
  private final List<String> receivers =
      Stream.concat(Stream.of(sink), Stream.generate(SigningKey::generate))
          .limit(Integer.getInteger("sinks", 1))
          .map(SigningKey::hotkey)
          .toList();
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong applied = new AtomicLong();
  private FundedSigners senders;

  TransferLoad(double perSecond) {
    this.perSecond = perSecond;
  }

  /** The outcome of the transfers of the simulation that ran last in this JVM, or null. */
  static Outcome last() {
    return last;
  }

  /** The transfers, arriving at the rate given. */
  PopulationBuilder population() {
    return scenario("signed transfers")
        .feed(Stream.generate(this::nextTransfer).iterator())
        .exec(Gateway.transaction("transfer", "body"))
        .exec(session -> {
          if (!session.isFailed() && session.getBoolean("toSink")) {
            applied.incrementAndGet();
          }
          return session;
        })
        .injectOpen(Gateway.load(perSecond));
  }

  void before() {
    int transfers = Gateway.arrivals(perSecond);
    senders = FundedSigners.fund("transfers", FundedSigners.needed(transfers, 1), (FundedSigners.TRANSACTIONS_EACH + 1) * RAO_EACH);
    System.out.printf("transfers: sink %s, %d receivers in all%n", sink.hotkey(), receivers.size());
  }

  void after() {
    Outcome outcome = new Outcome(sink.hotkey(), sent.get(), applied.get());
    last = outcome;
    // printed before the gateway is asked: after an overload it may not answer, and the ledger
    // replay needs these figures all the same
    System.out.printf("transfers: sink=%s sent=%d applied=%d rao_each=%d expected=%d%n",
        outcome.sink(), outcome.sent(), outcome.applied(), RAO_EACH, outcome.expected());
    long free = Gateway.readAccount(sink.hotkey()).get("free").asLong();
    System.out.printf("transfers: gateway reads the sink's free balance as %d rao%s%n",
        free, free == outcome.expected() ? "" : ", NOT what the applied transfers moved");
  }

  private Map<String, Object> nextTransfer() {
    String to = receivers.get((int) (arrivals.getAndIncrement() % receivers.size()));
    boolean toSink = to.equals(sink.hotkey());
    if (toSink) {
      sent.incrementAndGet();
    }
    return Map.of("body", Gateway.body(Gateway.transfer(senders.next(), to, RAO_EACH)), "toSink", toSink);
  }
}
