package io.taofabric.loadtests.gatling;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.SignedTransaction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Write load: {@code -Drate} signed transfers per second, each from one of a pool of fresh keys
 * with a fresh nonce to one fresh sink. Before the measured phase the faucet funds the pool through
 * a tree of intermediate keys, sized so that no signer sends more than its rate-limit burst, so the
 * report measures the transfers and not the limiter. Target: p99 at most 100 ms and 99.9 % applied.
 * Afterwards it prints the sink's balance beside what the applied transfers moved, for the ledger
 * replay to confirm (load-tests/run-gatling does); a transfer the client gave up on may still have
 * been applied, so after failures the sink may hold up to what was sent.
 */
public class SignedTransferSimulation extends Simulation {
  private static final long RAO_EACH = 1_000;
  private static final double RATE = Gateway.rate(20);

  private final int transfers = Gateway.arrivals(RATE);
  // a margin below the burst: an open model's arrivals are not perfectly even
  private final int perSender = Gateway.SIGNER_BURST - 5;
  private final SigningKey sink = SigningKey.generate();
  private final AtomicLong applied = new AtomicLong();
  private final AtomicInteger next = new AtomicInteger();
  private List<SigningKey> senders;

  {
    Iterator<Map<String, Object>> signed = Stream.generate(this::nextTransfer).iterator();
    setUp(scenario("signed transfers")
            .feed(signed)
            .exec(Gateway.transaction("transfer"))
            .exec(session -> {
              if (!session.isFailed()) {
                applied.incrementAndGet();
              }
              return session;
            })
            .injectOpen(Gateway.load(RATE)))
        .protocols(Gateway.protocol())
        .assertions(Gateway.assertions(100));
  }

  @Override
  public void before() {
    int count = (transfers + perSender - 1) / perSender;
    long started = System.nanoTime();
    senders = fund(Gateway.faucet(), count, (perSender + 1) * RAO_EACH);
    System.out.printf("transfers: funded %d senders from the faucet in %.1f s; sink %s%n",
        senders.size(), (System.nanoTime() - started) / 1e9, sink.hotkey());
  }

  @Override
  public void after() {
    long expected = applied.get() * RAO_EACH;
    // printed before the gateway is asked: after an overload it may not answer, and the ledger
    // replay needs these figures all the same
    System.out.printf("transfers: sink=%s sent=%d applied=%d rao_each=%d expected=%d%n",
        sink.hotkey(), next.get(), applied.get(), RAO_EACH, expected);
    long free = Gateway.free(sink.hotkey());
    System.out.printf("transfers: gateway reads the sink's free balance as %d rao%s%n", free, free == expected ? "" : ", NOT what the applied transfers moved");
  }

  private Map<String, Object> nextTransfer() {
    SigningKey from = senders.get(Math.floorMod(next.getAndIncrement(), senders.size()));
    SignedTransaction tx = Gateway.transfer(from, sink.hotkey(), RAO_EACH);
    return Map.of("body", Gateway.body(tx));
  }

  /**
   * {@code count} fresh keys holding {@code each} rao, paid by {@code from}; past one burst, paid
   * by intermediate keys that {@code from} funds first, so no signer waits for its rate limit.
   */
  private static List<SigningKey> fund(SigningKey from, int count, long each) {
    int burst = Gateway.SIGNER_BURST;
    List<SigningKey> funded = new ArrayList<>(count);
    if (count <= burst) {
      for (int i = 0; i < count; i++) {
        SigningKey key = SigningKey.generate();
        Gateway.submit(Gateway.transfer(from, key.hotkey(), each));
        funded.add(key);
      }
      return funded;
    }
    List<SigningKey> funders = fund(from, (count + burst - 1) / burst, each * burst);
    for (int i = 0; i < funders.size(); i++) {
      funded.addAll(fund(funders.get(i), Math.min(burst, count - i * burst), each));
    }
    return funded;
  }
}
