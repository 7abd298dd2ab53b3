package io.taofabric.core.strategy;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;

/** The kinds of miner the network must tell apart: one that works, and the ones that try not to. */
public final class Strategies {
  private Strategies() {}

  /** Answers with its own model. */
  public static <Q, A> Miner<Q, A> honest(String hotkey, Model<Q, A> model, long latencyNs) {
    return new Miner<>(hotkey, model, latencyNs);
  }

  /** Gives the same answer to every query, without looking at it. */
  public static <Q, A> Miner<Q, A> lazyConstant(String hotkey, A answer, long latencyNs) {
    Objects.requireNonNull(answer, "answer");
    return new Miner<>(hotkey, query -> answer, latencyNs);
  }

  /** Guesses: an answer of the right shape, drawn from {@code random}, that ignores the content. */
  public static <Q, A> Miner<Q, A> lazyRandom(
      String hotkey, Random random, BiFunction<Q, Random, A> guess, long latencyNs) {
    return new Miner<>(hotkey, query -> guess.apply(query, random), latencyNs);
  }

  /**
   * Asks {@code victim} (whose endpoint is public, as every miner's is) and returns its answer as its
   * own. It can only answer after the victim did: {@code delayNs} after the victim's arrival.
   */
  public static <Q, A> Miner<Q, A> copycat(String hotkey, Miner<Q, A> victim, long delayNs) {
    return new Miner<>(hotkey, victim.model(), victim.latencyNs() + delayNs);
  }

  /** One model behind several hotkeys, answering alike and at once. */
  public static <Q, A> List<Miner<Q, A>> sybils(List<String> hotkeys, Model<Q, A> model, long latencyNs) {
    List<Miner<Q, A>> miners = new ArrayList<>();
    for (String hotkey : hotkeys) {
      miners.add(new Miner<>(hotkey, model, latencyNs));
    }
    return List.copyOf(miners);
  }

  /** A uniform random label, stated with certainty. */
  public static ClassificationAnswer randomLabel(ClassificationQuery query, Random random) {
    return ClassificationAnswer.certain(random.nextInt(query.classes()), query.classes());
  }

  /** Values drawn uniformly between the window's lowest and highest. */
  public static ForecastAnswer randomForecast(ForecastQuery query, Random random) {
    Doubles window = query.window();
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < window.size(); i++) {
      min = Math.min(min, window.get(i));
      max = Math.max(max, window.get(i));
    }
    double[] values = new double[query.horizon()];
    for (int i = 0; i < values.length; i++) {
      values[i] = min + random.nextDouble() * (max - min);
    }
    return new ForecastAnswer(Doubles.of(values));
  }
}
