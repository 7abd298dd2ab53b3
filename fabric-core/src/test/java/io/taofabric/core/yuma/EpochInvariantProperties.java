package io.taofabric.core.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.fixed.Fixed;
import java.util.ArrayList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Invariants of the epoch that hold for every input, checked on random subnets. */
class EpochInvariantProperties {

  @Property(tries = 400)
  void shouldNeverEmitMoreThanTheEpochsRao(@ForAll long seed) {
    RandomSubnets.Case c = RandomSubnets.generate(seed);
    EpochResult r = YumaEpoch.run(c.input(), c.params(), c.rao());
    long split = 0;
    long total = 0;
    for (int i = 0; i < c.input().n(); i++) {
      assertTrue(r.serverEmission()[i] >= 0 && r.validatorEmission()[i] >= 0 && r.emission()[i] >= 0);
      split += r.serverEmission()[i] + r.validatorEmission()[i];
      total += r.emission()[i];
    }
    assertTrue(split <= c.rao(), "server + validator " + split + " > " + c.rao());
    assertTrue(total <= c.rao(), "emission " + total + " > " + c.rao());
  }

  @Property(tries = 400)
  void shouldNormaliseIncentiveToOneOrLeaveItZero(@ForAll long seed) {
    RandomSubnets.Case c = RandomSubnets.generate(seed);
    EpochResult r = YumaEpoch.run(c.input(), c.params(), c.rao());
    long sum = Vectors.sum(r.incentive());
    int n = c.input().n();
    assertTrue(sum == 0 || (sum <= Fixed.ONE && sum >= Fixed.ONE - n), "Σ incentive = " + sum + " bits");
    long dividends = Vectors.sum(r.dividends());
    assertTrue(dividends == 0 || (dividends <= Fixed.ONE && dividends >= Fixed.ONE - n));
  }

  @Property(tries = 400)
  void shouldStoreBondsAsU16OnlyForPermittedValidators(@ForAll long seed) {
    RandomSubnets.Case c = RandomSubnets.generate(seed);
    EpochResult r = YumaEpoch.run(c.input(), c.params(), c.rao());
    SparseMatrix bonds = r.bonds();
    for (int i = 0; i < bonds.rows(); i++) {
      assertTrue(r.validatorPermit()[i] || bonds.start(i) == bonds.end(i), "bonds without a permit at " + i);
      for (int k = bonds.start(i); k < bonds.end(i); k++) {
        assertTrue(bonds.value(k) >= 0 && bonds.value(k) <= 65_535, "bond " + bonds.value(k));
        assertTrue(bonds.col(k) < c.input().n());
      }
    }
  }

  @Property(tries = 300)
  void shouldPermuteOutputsWhenUidsArePermuted(@ForAll long seed) {
    RandomSubnets.Case c = RandomSubnets.generate(seed);
    int n = c.input().n();
    int[] to = permutation(n, new SplittableRandom(seed ^ 0x5DEECE66DL));
    EpochInput in = c.input();
    EpochInput moved =
        new EpochInput(
            in.block(),
            permute(in.stake(), to),
            permuteRows(in.weights(), to),
            permuteRows(in.bonds(), to),
            permute(in.lastUpdate(), to),
            permute(in.blockAtRegistration(), to),
            permute(in.validatorPermit(), to),
            null);
    EpochParams params = c.params();
    if (params.ownerUid() != EpochParams.NONE) {
      params = params.toBuilder().ownerUid(to[params.ownerUid()]).build();
    }
    EpochResult a = YumaEpoch.run(in, c.params(), c.rao());
    EpochResult b = YumaEpoch.run(moved, params, c.rao());
    assertArrayEquals(permute(a.consensus(), to), b.consensus(), "consensus");
    assertArrayEquals(permute(a.incentive(), to), b.incentive(), "incentive");
    assertArrayEquals(permute(a.dividends(), to), b.dividends(), "dividends");
    assertArrayEquals(permute(a.validatorTrust(), to), b.validatorTrust(), "validator trust");
    assertArrayEquals(permute(a.emission(), to), b.emission(), "emission");
    assertArrayEquals(permute(a.serverEmission(), to), b.serverEmission(), "server emission");
    assertArrayEquals(permute(a.validatorPermit(), to), b.validatorPermit(), "permits");
    assertArrayEquals(permute(a.active(), to), b.active(), "active");
    assertEquals(cells(permuteRows(a.bonds(), to)), cells(b.bonds()), "bonds");
  }

  private static int[] permutation(int n, SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static long[] permute(long[] v, int[] to) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[to[i]] = v[i];
    }
    return out;
  }

  private static boolean[] permute(boolean[] v, int[] to) {
    boolean[] out = new boolean[v.length];
    for (int i = 0; i < v.length; i++) {
      out[to[i]] = v[i];
    }
    return out;
  }

  /** Row {@code to[i]} holds row i's entries relabelled, sorted by their new target UID. */
  private static SparseMatrix permuteRows(SparseMatrix m, int[] to) {
    int n = m.rows();
    int[] from = new int[n];
    for (int i = 0; i < n; i++) {
      from[to[i]] = i;
    }
    SparseMatrix.Builder b = SparseMatrix.builder(m.entries());
    for (int row = 0; row < n; row++) {
      int i = from[row];
      List<long[]> entries = new ArrayList<>();
      for (int k = m.start(i); k < m.end(i); k++) {
        entries.add(new long[] {to[m.col(k)], m.value(k)});
      }
      entries.sort((x, y) -> Long.compare(x[0], y[0]));
      for (long[] e : entries) {
        b.add((int) e[0], e[1]);
      }
      b.endRow();
    }
    return b.build();
  }

  private static Map<String, Long> cells(SparseMatrix m) {
    Map<String, Long> cells = new HashMap<>();
    for (int i = 0; i < m.rows(); i++) {
      for (int k = m.start(i); k < m.end(i); k++) {
        cells.put(i + ":" + m.col(k), m.value(k));
      }
    }
    return cells;
  }

}
