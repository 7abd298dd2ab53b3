package io.taofabric.core.sim;

import io.taofabric.core.model.Model;
import io.taofabric.core.strategy.Miner;
import io.taofabric.core.strategy.Strategies;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The miners of one run. Honest miners answer at distinct latencies, so no two arrive at the same
 * instant; copycats replay honest miners (the best first) a little after them; sybils share one
 * model no honest miner runs.
 *
 * @param honestModels one model per honest miner, best expected first
 * @param sybilModel the model behind every sybil hotkey
 * @param constant the lazy-constant miners' one answer
 * @param guess how a lazy-random miner makes up an answer of the right shape
 */
public record Lineup<Q, A>(
    List<NamedModel<Q, A>> honestModels, Model<Q, A> sybilModel, A constant, BiFunction<Q, Random, A> guess) {
  static final long MS = 1_000_000;
  /** Every answer is due this long after the query. */
  static final long DEADLINE_NS = 100 * MS;
  private static final long HONEST_LATENCY_NS = 10 * MS;
  private static final long LAZY_LATENCY_NS = MS;
  private static final long COPY_DELAY_NS = 5 * MS;
  private static final long SYBIL_LATENCY_NS = 30 * MS;

  public Lineup {
    honestModels = List.copyOf(honestModels);
  }

  /** The miners of {@code mix}; {@code seed} drives the random guessers. */
  public List<Contestant<Q, A>> contestants(MinerMix mix, long seed) {
    if (mix.honest() > honestModels.size()) {
      throw new IllegalArgumentException(
          mix.honest() + " honest miners asked for, " + honestModels.size() + " distinct models available");
    }
    List<Contestant<Q, A>> all = new ArrayList<>();
    List<Miner<Q, A>> honest = new ArrayList<>();
    for (int i = 0; i < mix.honest(); i++) {
      NamedModel<Q, A> m = honestModels.get(i);
      Miner<Q, A> miner = Strategies.honest("honest-" + m.name(), m.model(), HONEST_LATENCY_NS + i * MS);
      honest.add(miner);
      all.add(new Contestant<>(miner, MinerKind.HONEST));
    }
    for (int i = 0; i < mix.lazyConstant(); i++) {
      all.add(new Contestant<>(Strategies.lazyConstant("lazy-constant-" + i, constant, LAZY_LATENCY_NS), MinerKind.LAZY_CONSTANT));
    }
    for (int i = 0; i < mix.lazyRandom(); i++) {
      Random random = new Random(seed * 31 + i);
      all.add(new Contestant<>(Strategies.lazyRandom("lazy-random-" + i, random, guess, LAZY_LATENCY_NS), MinerKind.LAZY_RANDOM));
    }
    for (int i = 0; i < mix.copycats(); i++) {
      Miner<Q, A> victim = honest.get(i % honest.size());
      all.add(new Contestant<>(Strategies.copycat("copycat-" + i, victim, COPY_DELAY_NS), MinerKind.COPYCAT));
    }
    List<String> sybilKeys = new ArrayList<>();
    for (int i = 0; i < mix.sybils(); i++) {
      sybilKeys.add("sybil-" + i);
    }
    for (Miner<Q, A> sybil : Strategies.sybils(sybilKeys, sybilModel, SYBIL_LATENCY_NS)) {
      all.add(new Contestant<>(sybil, MinerKind.SYBIL));
    }
    return List.copyOf(all);
  }
}
