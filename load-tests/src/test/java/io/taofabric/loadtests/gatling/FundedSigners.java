package io.taofabric.loadtests.gatling;

import io.taofabric.core.crypto.SigningKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh keys the faucet funds before a measured phase, handed out in turn. The gateway lets a
 * signer send {@link Gateway#SIGNER_BURST} transactions at once and then one a second, so a
 * simulation that sends more than that needs many signers; funding them from the faucet alone
 * would wait out its limit, hence a tree of intermediate keys, no signer paying more than a burst.
 */
final class FundedSigners {
  /** Transactions a pool key may sign: a margin below the burst, as open arrivals are not even. */
  static final int TRANSACTIONS_EACH = Gateway.SIGNER_BURST - 5;

  private final List<SigningKey> keys;
  private final AtomicInteger next = new AtomicInteger();

  private FundedSigners(List<SigningKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /** {@code count} fresh keys holding {@code each} rao, paid by the faucet (and the keys it funds). */
  static FundedSigners fund(String purpose, int count, long each) {
    long started = System.nanoTime();
    FundedSigners signers = new FundedSigners(fund(Gateway.faucet(), count, each));
    System.out.printf("%s: funded %d signers with %d rao each from the faucet in %.1f s%n",
        purpose, count, each, (System.nanoTime() - started) / 1e9);
    return signers;
  }

  /** The keys {@code uses} uses of {@code transactionsPerUse} transactions each need, taken in turn. */
  static int needed(int uses, int transactionsPerUse) {
    int usesEach = TRANSACTIONS_EACH / transactionsPerUse;
    return Math.max(1, (uses + usesEach - 1) / usesEach);
  }

  /** The next key in turn: used evenly, none more than the pool was sized for. */
  SigningKey next() {
    return keys.get(Math.floorMod(next.getAndIncrement(), keys.size()));
  }

  List<SigningKey> keys() {
    return keys;
  }

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
