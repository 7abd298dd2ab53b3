package io.taofabric.core.yuma;

import static io.taofabric.core.fixed.Fixed.ONE;
import static io.taofabric.core.fixed.Fixed.U16_MAX_FIXED;
import static io.taofabric.core.fixed.Fixed.addSat;
import static io.taofabric.core.fixed.Fixed.div;
import static io.taofabric.core.fixed.Fixed.fromInt;
import static io.taofabric.core.fixed.Fixed.mul;
import static io.taofabric.core.fixed.Fixed.mulOrZero;

import io.taofabric.core.fixed.Fixed;

/**
 * One Yuma Consensus epoch, the reference's sparse {@code epoch_mechanism} (spec §3), bit-exact
 * with its I32F32 arithmetic. A pure function of its input: no clock, no randomness, no state.
 */
public final class YumaEpoch {
  private YumaEpoch() {}

  /** Runs the epoch over {@code input} and splits {@code raoEmission} (rao) among the UIDs. */
  public static EpochResult run(EpochInput input, EpochParams params, long raoEmission) {
    if (raoEmission < 0) {
      throw new IllegalArgumentException("rao emission is negative: " + raoEmission);
    }
    int n = input.n();
    long block = input.block();

    boolean[] active = new boolean[n];
    long cutoff = params.activityCutoff();
    for (int i = 0; i < n; i++) {
      active[i] = !(input.lastUpdate()[i] + cutoff < block);
    }

    long[] stake = StakeWeights.normalized(input.stake(), params);
    boolean[] permitted = input.validatorPermit().clone();
    boolean[] newPermits = Permits.topKNonZero(stake, params.maxAllowedValidators());
    if (params.ownerUid() != EpochParams.NONE && params.ownerUid() < n) {
      permitted[params.ownerUid()] = true;
      newPermits[params.ownerUid()] = true;
    }

    long[] activeStake = new long[n];
    for (int i = 0; i < n; i++) {
      activeStake[i] = active[i] && permitted[i] ? stake[i] : 0;
    }
    activeStake = Vectors.normalize(activeStake);

    SparseMatrix weights = SparseOps.rowNormalizeInPlace(maskedWeights(input, params, permitted));
    long kappa = div(fromInt(params.kappa()), U16_MAX_FIXED);
    long[] consensus = Consensus.columnMedians(activeStake, weights, n, kappa);
    SparseMatrix clipped = SparseOps.colClip(weights, consensus);
    long[] validatorTrust = SparseOps.rowSums(clipped);
    long[] incentive = Vectors.normalize(ranks(clipped, activeStake, n));

    long penalty = div(fromInt(params.bondsPenalty()), U16_MAX_FIXED);
    SparseMatrix bondWeights = SparseOps.interpolate(weights, clipped, n, penalty);
    long lastTempo =
        params.lastEpochBlock() == 0
            ? Math.max(block - params.tempo(), 0)
            : params.lastEpochBlock() + 1;

    Bonds bonds =
        params.yuma3()
            ? yuma3Bonds(input, params, bondWeights, consensus, incentive, activeStake, lastTempo)
            : classicBonds(input, params, bondWeights, incentive, activeStake, lastTempo);

    return emissions(
        input, raoEmission, active, newPermits, stake, activeStake, consensus, incentive,
        validatorTrust, bonds);
  }

  /** Weight rows as I32F32, less rows without permit, self-weights, outdated and pre-commit ones. */
  private static SparseMatrix maskedWeights(
      EpochInput input, EpochParams params, boolean[] permitted) {
    int n = input.n();
    SparseMatrix raw = input.weights();
    long[] registeredAt = input.blockAtRegistration();
    long[] commitBlocks = input.commitBlocks();
    SparseMatrix.Builder out = SparseMatrix.builder(raw.entries());
    for (int i = 0; i < n; i++) {
      if (permitted[i]) {
        long lastUpdate = input.lastUpdate()[i];
        for (int k = raw.start(i); k < raw.end(i); k++) {
          int j = raw.col(k);
          boolean kept =
              j < n
                  && (j != i || params.isOwner(i))
                  && lastUpdate > registeredAt[j]
                  && (commitBlocks == null || commitBlocks[i] >= registeredAt[j]);
          if (kept) {
            out.add(j, fromInt(raw.value(k)));
          }
        }
      }
      out.endRow();
    }
    return out.build();
  }

  private static long[] ranks(SparseMatrix clipped, long[] activeStake, int n) {
    long[] ranks = new long[n];
    for (int i = 0; i < clipped.rows(); i++) {
      for (int k = clipped.start(i); k < clipped.end(i); k++) {
        ranks[clipped.col(k)] = addSat(ranks[clipped.col(k)], mul(activeStake[i], clipped.value(k)));
      }
    }
    return ranks;
  }

  /**
   * Stored bond rows as I32F32, less bonds on UIDs registered since the last epoch. When none is
   * masked (the usual case) the result shares the stored rows' pattern.
   */
  private static SparseMatrix loadBonds(EpochInput input, long lastTempo, boolean absolute) {
    int n = input.n();
    SparseMatrix raw = input.bonds();
    long[] registeredAt = input.blockAtRegistration();
    long[] values = new long[raw.entries()];
    int masked = 0;
    for (int k = 0; k < raw.entries(); k++) {
      if (bondKept(raw.col(k), n, lastTempo, registeredAt)) {
        values[k] = absolute ? Fixed.u16Proportion(raw.value(k)) : fromInt(raw.value(k));
      } else {
        masked++;
      }
    }
    if (masked == 0) {
      return raw.withValues(values);
    }
    SparseMatrix.Builder out = SparseMatrix.builder(raw.entries() - masked);
    for (int i = 0; i < n; i++) {
      for (int k = raw.start(i); k < raw.end(i); k++) {
        if (bondKept(raw.col(k), n, lastTempo, registeredAt)) {
          out.add(raw.col(k), values[k]);
        }
      }
      out.endRow();
    }
    return out.build();
  }

  /** Whether a stored bond on UID {@code j} survives: j exists and registered before the last epoch. */
  private static boolean bondKept(int j, int n, long lastTempo, long[] registeredAt) {
    return j < n && lastTempo > registeredAt[j];
  }

  /**
   * Classic bonds (spec §3.10a): EMA of stake-weighted, column-normalised bond deltas. The deltas
   * are computed in {@code bondWeights}' values, which the epoch built and no longer needs.
   */
  private static Bonds classicBonds(
      EpochInput input,
      EpochParams params,
      SparseMatrix bondWeights,
      long[] incentive,
      long[] activeStake,
      long lastTempo) {
    int n = input.n();
    SparseMatrix old = SparseOps.colNormalizeInPlace(loadBonds(input, lastTempo, false), n);
    SparseMatrix deltas = bondWeights;
    long[] delta = deltas.valuesInPlace();
    for (int i = 0; i < deltas.rows(); i++) {
      for (int k = deltas.start(i); k < deltas.end(i); k++) {
        delta[k] = mul(delta[k], activeStake[i]);
      }
    }
    SparseOps.colNormalizeInPlace(deltas, n);
    SparseMatrix ema =
        SparseOps.colNormalizeInPlace(SparseOps.ema(deltas, old, n, fixedAlpha(params)), n);
    long[] dividends = new long[n];
    for (int i = 0; i < ema.rows(); i++) {
      long d = 0;
      for (int k = ema.start(i); k < ema.end(i); k++) {
        d = addSat(d, mul(incentive[ema.col(k)], ema.value(k)));
      }
      dividends[i] = d;
    }
    return new Bonds(Vectors.normalize(dividends), SparseOps.colMaxUpscaleInPlace(ema, n));
  }

  /**
   * Yuma 3 bonds (spec §3.10b): EMA of the weights themselves; stake enters only dividends. The
   * fixed-α EMA may be written over {@code bondWeights}' values, which the epoch no longer needs.
   */
  private static Bonds yuma3Bonds(
      EpochInput input,
      EpochParams params,
      SparseMatrix bondWeights,
      long[] consensus,
      long[] incentive,
      long[] activeStake,
      long lastTempo) {
    int n = input.n();
    SparseMatrix old = loadBonds(input, lastTempo, true);
    SparseMatrix ema;
    if (params.liquidAlpha() && anyNonZero(consensus)) {
      LiquidAlpha liquid =
          new LiquidAlpha(params.alphaLow(), params.alphaHigh(), params.alphaSigmoidSteepness());
      ema = liquid.ema(bondWeights, old, consensus, n);
    } else {
      ema = SparseOps.ema(bondWeights, old, n, fixedAlpha(params));
    }
    // Ê = the column-normalised EMA, entry by entry: the EMA itself is what gets stored
    ColumnDivisors colSums = ColumnDivisors.sums(ema, n);
    long[] dividends = new long[n];
    for (int i = 0; i < ema.rows(); i++) {
      long total = 0;
      for (int k = ema.start(i); k < ema.end(i); k++) {
        int j = ema.col(k);
        long x = mul(colSums.divide(ema.value(k), j), incentive[j]);
        if (x != 0) {
          total = addSat(total, x);
        }
      }
      dividends[i] = mulOrZero(total, activeStake[i]);
    }
    return new Bonds(Vectors.normalize(dividends), ema);
  }

  /** α = 1 − bonds_moving_average / 10^6, computed in I64F64 and floored to I32F32. */
  static long fixedAlpha(EpochParams params) {
    long memory = Fixed.ratio(params.bondsMovingAverage(), 1_000_000);
    return Fixed.subSat(ONE, memory);
  }

  private static boolean anyNonZero(long[] v) {
    for (long x : v) {
      if (x != 0) {
        return true;
      }
    }
    return false;
  }

  /** Dividends and the bond rows to store, I32F32. */
  private record Bonds(long[] dividends, SparseMatrix stored) {}

  private static EpochResult emissions(
      EpochInput input,
      long raoEmission,
      boolean[] active,
      boolean[] newPermits,
      long[] stake,
      long[] activeStake,
      long[] consensus,
      long[] incentive,
      long[] validatorTrust,
      Bonds bonds) {
    int n = input.n();
    long[] dividends = bonds.dividends();
    long[] combined = new long[n];
    for (int i = 0; i < n; i++) {
      combined[i] = addSat(incentive[i], dividends[i]);
    }
    long total = Vectors.sum(combined);
    long[] serverShare = incentive.clone();
    long[] validatorShare = dividends.clone();
    long[] share = Vectors.normalize(combined);
    if (total != 0) {
      for (int i = 0; i < n; i++) {
        serverShare[i] = div(incentive[i], total);
        validatorShare[i] = div(dividends[i], total);
      }
    } else {
      long[] fallback = Vectors.sum(activeStake) == 0 ? stake : activeStake;
      validatorShare = fallback.clone();
      share = fallback.clone();
    }

    // the bond rows are the epoch's own matrix: encode them in place, keep permitted rows
    SparseMatrix stored = bonds.stored();
    long[] storedValues = stored.valuesInPlace();
    for (int k = 0; k < stored.entries(); k++) {
      storedValues[k] = Fixed.proportionToU16(storedValues[k]);
    }
    return new EpochResult(
        active,
        newPermits,
        stake,
        activeStake,
        consensus,
        incentive,
        dividends,
        validatorTrust,
        toRao(serverShare, raoEmission),
        toRao(validatorShare, raoEmission),
        toRao(share, raoEmission),
        stored.keepRows(newPermits));
  }

  /** {@code floor(share · rao)} per UID, as the I96F32 product floored to u64 (dust is lost). */
  private static long[] toRao(long[] shares, long raoEmission) {
    long[] out = new long[shares.length];
    for (int i = 0; i < shares.length; i++) {
      long s = shares[i];
      if (s > 0) {
        long hi = Math.multiplyHigh(s, raoEmission);
        out[i] = (hi << 32) | ((s * raoEmission) >>> 32);
      }
    }
    return out;
  }
}
