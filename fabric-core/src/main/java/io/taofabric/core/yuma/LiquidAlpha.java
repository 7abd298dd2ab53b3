package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.HALF;
import static io.taofabric.core.fixed.Fixed.ONE;
import static io.taofabric.core.fixed.Fixed.addSat;
import static io.taofabric.core.fixed.Fixed.clamp;
import static io.taofabric.core.fixed.Fixed.divSat;
import static io.taofabric.core.fixed.Fixed.expSafe;
import static io.taofabric.core.fixed.Fixed.fromInt;
import static io.taofabric.core.fixed.Fixed.mul;
import static io.taofabric.core.fixed.Fixed.subSat;

import io.taofabric.core.fixed.Fixed;

/**
 * Yuma 3 liquid alpha (spec §3.10b): each bond cell moves toward the new weight at a rate from a
 * sigmoid of how far the weight sits from consensus, within {@code [low, high]}.
 */
public final class LiquidAlpha {
  private final long low;
  private final long high;
  private final long steepness;

  /** Bounds as u16 proportions and the steepness as the hyperparameter's i16. */
  public LiquidAlpha(int alphaLowU16, int alphaHighU16, int steepness) {
    this(Fixed.u16Proportion(alphaLowU16), Fixed.u16Proportion(alphaHighU16), fromInt(steepness));
  }

  /** Bounds and steepness already as I32F32 bits. */
  public LiquidAlpha(long low, long high, long steepness) {
    this.low = low;
    this.high = high;
    this.steepness = steepness;
  }

  /** α for one cell from its consensus, new weight and old bond (all I32F32). */
  public long alpha(long consensus, long weight, long bond) {
    long buying = clamp(subSat(weight, consensus), 0, ONE);
    long selling = clamp(subSat(bond, weight), 0, ONE);
    long distance = weight >= bond ? buying : selling;
    long x = mul(divSat(steepness, fromInt(-100)), subSat(distance, HALF));
    long sigmoid = divSat(ONE, addSat(ONE, expSafe(x)));
    return clamp(addSat(low, mul(sigmoid, subSat(high, low))), low, high);
  }

  /** Yuma 3 bonds EMA with this α per cell (see {@link SparseOps#emaPerCell}). */
  SparseMatrix ema(SparseMatrix fresh, SparseMatrix old, long[] consensus, int n) {
    return SparseOps.emaPerCell(fresh, old, new SigmoidAlpha(fresh, old, consensus, n));
  }

  /** α per cell of one row at a time, from the row's weight and bond as the reference finds them. */
  private final class SigmoidAlpha implements SparseOps.CellAlpha {
    private final SparseMatrix fresh;
    private final SparseMatrix old;
    private final long[] consensus;
    private final long[] weightAt;
    private final long[] bondAt;

    SigmoidAlpha(SparseMatrix fresh, SparseMatrix old, long[] consensus, int n) {
      this.fresh = fresh;
      this.old = old;
      this.consensus = consensus;
      this.weightAt = new long[n];
      this.bondAt = new long[n];
    }

    @Override
    public void beginRow(int i) {
      forwardLookup(fresh, i, weightAt);
      forwardLookup(old, i, bondAt);
    }

    @Override
    public long at(int i, int j) {
      return alpha(consensus[j], weightAt[j], bondAt[j]);
    }

    @Override
    public void endRow(int i) {
      clearRow(fresh, i, weightAt);
      clearRow(old, i, bondAt);
    }
  }

  /**
   * Writes into {@code dense} what the reference's forward-only peek walk over row {@code i} finds
   * at each column. The walk assumes ascending columns: in an unsorted row, an entry behind a
   * larger column is never found, and of repeated columns only the first is.
   */
  private static void forwardLookup(SparseMatrix m, int i, long[] dense) {
    int nextColumn = 0;
    for (int k = m.start(i); k < m.end(i); k++) {
      int c = m.col(k);
      if (c >= nextColumn) {
        dense[c] = m.value(k);
        nextColumn = c + 1;
      }
    }
  }

  private static void clearRow(SparseMatrix m, int i, long[] dense) {
    for (int k = m.start(i); k < m.end(i); k++) {
      dense[m.col(k)] = 0;
    }
  }
}
