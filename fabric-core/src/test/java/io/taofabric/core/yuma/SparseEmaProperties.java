package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.addSat;
import static io.taofabric.core.fixed.Fixed.mul;
import static io.taofabric.core.fixed.Fixed.subSat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taofabric.core.fixed.Fixed;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The sparse fixed-α EMA equals its dense definition, whichever of its paths a case takes. */
class SparseEmaProperties {

  @Property(tries = 1000)
  void shouldEqualTheDenseEma(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int rows = 1 + random.nextInt(6);
    int n = 1 + random.nextInt(8);
    long[][] fresh = new long[rows][n];
    long[][] old = new long[rows][n];
    boolean[][] inFresh = new boolean[rows][n];
    boolean[][] inOld = new boolean[rows][n];
    // mostly the steady state (old bonds only where there are new weights), sometimes not
    boolean oldWithinFresh = random.nextInt(4) > 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        inFresh[i][j] = random.nextInt(4) > 0;
        inOld[i][j] = (inFresh[i][j] || !oldWithinFresh) && random.nextBoolean();
        fresh[i][j] = inFresh[i][j] ? value(random) : 0;
        old[i][j] = inOld[i][j] ? value(random) : 0;
      }
    }
    long alpha = random.nextBoolean() ? Fixed.ONE / 10 : random.nextLong(Fixed.ONE + 1);
    boolean shuffled = random.nextInt(5) == 0;
    // a repeated old column accumulates (the reference's dense pass adds every entry)
    int repeatRow = random.nextInt(3) == 0 ? random.nextInt(rows) : -1;
    int repeatCol = random.nextInt(n);
    long repeated = value(random);
    inOld[Math.max(repeatRow, 0)][repeatCol] |= repeatRow >= 0;

    SparseMatrix.Builder oldRows = SparseMatrix.builder(rows * (n + 1));
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        if (inOld[i][j]) {
          oldRows.add(j, old[i][j]);
        }
      }
      if (i == repeatRow) {
        oldRows.add(repeatCol, repeated);
      }
      oldRows.endRow();
    }
    SparseMatrix got = SparseOps.ema(sparse(fresh, inFresh, shuffled, random), oldRows.build(), n, alpha);

    SparseMatrix.Builder expected = SparseMatrix.builder(rows * n);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        long v = addSat(mul(alpha, fresh[i][j]), mul(subSat(Fixed.ONE, alpha), old[i][j]));
        if (i == repeatRow && j == repeatCol) {
          v = addSat(v, mul(subSat(Fixed.ONE, alpha), repeated));
        }
        if (v > 0) {
          expected.add(j, v);
        }
      }
      expected.endRow();
    }
    assertEquals(expected.build(), got);
  }

  /** Proportions, with explicit zeros and tiny values whose products floor to 0. */
  private static long value(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextLong(4);
      default -> random.nextLong(Fixed.ONE + 1);
    };
  }

  private static SparseMatrix sparse(
      long[][] dense, boolean[][] present, boolean shuffled, SplittableRandom random) {
    SparseMatrix.Builder out = SparseMatrix.builder(dense.length * 8);
    for (int i = 0; i < dense.length; i++) {
      int n = dense[i].length;
      int offset = shuffled ? random.nextInt(n) : 0;
      for (int t = 0; t < n; t++) {
        int j = (t + offset) % n; // a rotated row is out of order unless the offset is 0
        if (present[i][j]) {
          out.add(j, dense[i][j]);
        }
      }
      out.endRow();
    }
    return out.build();
  }
}
