package io.taofabric.core.yuma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taofabric.core.fixed.Fixed;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link WeightedMedian} returns what the spec's quick-select (§3.6), run literally, returns. */
class WeightedMedianProperties {

  @Property(tries = 3000)
  void shouldAgreeWithTheLiteralQuickSelect(
      @ForAll("scores") long[] score,
      @ForAll @IntRange(min = 0, max = 65535) int kappa,
      @ForAll long stakeSeed) {
    long[] stake = new long[score.length];
    java.util.SplittableRandom random = new java.util.SplittableRandom(stakeSeed);
    for (int i = 0; i < stake.length; i++) {
      stake[i] = 1 + random.nextLong(random.nextBoolean() ? 4 : Fixed.ONE);
    }
    stake = Vectors.normalize(stake);
    long sum = Vectors.sum(stake);
    long minority = Fixed.subSat(sum, Fixed.div(Fixed.fromInt(kappa), Fixed.U16_MAX_FIXED));
    WeightedMedian median = new WeightedMedian();
    median.median(new long[64], new long[64], 64, 0, 0, 0); // scratch left over from a larger call
    assertEquals(
        literal(stake, score, minority, sum), median.median(stake, score, score.length, minority, 0, sum));
  }

  @Provide
  Arbitrary<long[]> scores() {
    // few distinct values, so that pivots often have equal neighbours
    Arbitrary<Long> score =
        Arbitraries.oneOf(Arbitraries.longs().between(0, 4), Arbitraries.longs().between(0, Fixed.ONE));
    return score.array(long[].class).ofMaxSize(70);
  }

  /** The pseudocode of spec §3.6, index lists and all. */
  private static long literal(long[] stake, long[] score, long minority, long hi) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < score.length; i++) {
      idx.add(i);
    }
    long lo = 0;
    for (int iteration = 0; iteration <= score.length; iteration++) {
      if (idx.isEmpty()) {
        return 0;
      }
      if (idx.size() == 1) {
        return score[idx.get(0)];
      }
      long pivot = score[idx.get(idx.size() / 2)];
      List<Integer> lower = new ArrayList<>();
      List<Integer> upper = new ArrayList<>();
      long loStake = 0;
      long hiStake = 0;
      for (int i : idx) {
        if (score[i] < pivot) {
          lower.add(i);
          loStake += stake[i];
        } else if (score[i] > pivot) {
          upper.add(i);
          hiStake += stake[i];
        }
      }
      if (minority < lo + loStake && !lower.isEmpty()) {
        idx = lower;
        hi = lo + loStake;
      } else if (hi - hiStake <= minority && !upper.isEmpty()) {
        idx = upper;
        lo = hi - hiStake;
      } else {
        return pivot;
      }
    }
    return 0;
  }
}
