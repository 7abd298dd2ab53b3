package io.taofabric.core.scoring;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random forecast rounds with every kind of answer: good, bad, invalid, missing, late and copied. */
final class ForecastRounds {
  static final long DEADLINE_NS = 1_000_000;

  private ForecastRounds() {}

  /** A random walk's window and truth, and a round of up to 12 miners' responses. */
  static Generated generate(long seed) {
    Random random = new Random(seed);
    int windowLength = 2 + random.nextInt(30);
    int horizon = 1 + random.nextInt(6);
    double[] walk = new double[windowLength + horizon];
    walk[0] = random.nextDouble() * 1_000;
    for (int i = 1; i < walk.length; i++) {
      walk[i] = walk[i - 1] + random.nextGaussian() * 10;
    }
    ForecastQuery query = new ForecastQuery(Doubles.of(walk).slice(0, windowLength), horizon);
    Doubles truth = Doubles.of(walk).slice(windowLength, walk.length);
    List<Response<ForecastAnswer>> responses = new ArrayList<>();
    int miners = 1 + random.nextInt(12);
    for (int m = 0; m < miners; m++) {
      responses.add(response("m" + m, query, random, responses));
    }
    return new Generated(new Round<>(query, DEADLINE_NS, responses), truth);
  }

  private static Response<ForecastAnswer> response(
      String hotkey, ForecastQuery query, Random random, List<Response<ForecastAnswer>> earlier) {
    long arrivalNs = (long) (random.nextDouble() * 1.5 * DEADLINE_NS);
    double[] values = new double[query.horizon()];
    switch (random.nextInt(6)) {
      case 0:
        return new Response.NoAnswer<>(hotkey, "timed out");
      case 1:
        values[random.nextInt(values.length)] = random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
        return new Response.Answered<>(hotkey, new ForecastAnswer(Doubles.of(values)), arrivalNs);
      case 2:
        if (!earlier.isEmpty() && earlier.get(random.nextInt(earlier.size())) instanceof Response.Answered<ForecastAnswer> victim) {
          return new Response.Answered<>(hotkey, victim.answer(), victim.arrivalNs() + 1 + random.nextInt(1_000));
        }
        return new Response.NoAnswer<>(hotkey, "nothing to copy");
      default:
        for (int i = 0; i < values.length; i++) {
          values[i] = query.window().last() + random.nextGaussian() * 20;
        }
        return new Response.Answered<>(hotkey, new ForecastAnswer(Doubles.of(values)), arrivalNs);
    }
  }

  record Generated(Round<ForecastQuery, ForecastAnswer> round, Doubles truth) {}
}
