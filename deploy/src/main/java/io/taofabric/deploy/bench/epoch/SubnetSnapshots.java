package io.taofabric.deploy.bench.epoch;

import io.taofabric.core.subnet.WeightNormalization;
import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochParams;
import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.SparseMatrix;
import io.taofabric.core.yuma.YumaEpoch;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic subnet snapshots for the epoch benchmarks. Each miner has a hidden
 * quality; every validator weights all UIDs with its own noisy view of it, stored as a weights
 * transaction would be (max-upscaled u16). Validators hold large, log-normally spread stakes,
 * miners a few alpha each. Everyone set weights recently and registered well before that. Bonds
 * and permits come from warm-up epochs run over the same weights, so they are what the chain would
 * hold at the snapshot's block.
 */
public final class SubnetSnapshots {
  /** Block the snapshot's epoch runs at. */
  public static final long BLOCK = 5_000_000;

  /** The rao each benchmarked epoch distributes. */
  public static final long RAO_EMISSION = 1_000_000_000L;

  private static final long SEED = 0x7A0FAB41CL;

  private static final int WARM_UP_EPOCHS = 4;
  private static final long RAO_PER_ALPHA = 1_000_000_000L;
  private static final long WARM_UP_EMISSION = 1_000_000_000L;
  private static final long REGISTRATION_WINDOW = 500_000;

  private SubnetSnapshots() {}

  /** A snapshot with the hyperparameters its epoch runs under. */
  public record Snapshot(EpochInput input, EpochParams params) {}

  /**
   * The snapshot the epoch benchmark and its reference baseline both run: {@code uids} UIDs, a
   * quarter of them validators up to 256 (64 for 256 UIDs, 256 for 4096), default parameters with
   * {@code tempo 360} and Yuma 3 bonds on or off, always from the same seed.
   */
  public static Snapshot forEpochBench(int uids, boolean yuma3) {
    int validators = epochBenchValidators(uids);
    EpochParams params =
        EpochParams.DEFAULTS.toBuilder().yuma3(yuma3).maxAllowedValidators(validators).tempo(360).build();
    return new Snapshot(build(uids, validators, params, SEED), params);
  }

  /** Validators in {@link #forEpochBench}'s snapshot of {@code uids} UIDs, each weighting every UID. */
  public static int epochBenchValidators(int uids) {
    return Math.max(1, Math.min(256, uids / 4));
  }

  /**
   * A snapshot of {@code uids} UIDs, {@code validators} of them validators at random UIDs, whose
   * bonds and permits come from warm-up epochs under {@code params} (Yuma 3 and classic bonds are
   * stored differently). The same arguments always give the same snapshot.
   */
  public static EpochInput build(int uids, int validators, EpochParams params, long seed) {
    if (validators <= 0 || validators > uids) {
      throw new IllegalArgumentException(validators + " validators among " + uids + " UIDs");
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] isValidator = pickValidators(uids, validators, random);
    double[] quality = new double[uids];
    long[] stake = new long[uids];
    for (int j = 0; j < uids; j++) {
      if (isValidator[j]) {
        // validators serve no work; stakes spread from ~1k to ~1M alpha around 20k
        quality[j] = 0.01;
        double alpha = Math.exp(Math.log(20_000) + 1.2 * random.nextGaussian());
        stake[j] = (long) (Math.max(1_000, alpha) * RAO_PER_ALPHA);
      } else {
        // a few strong miners and a long tail of weak ones, each holding under 50 alpha
        double u = random.nextDouble();
        quality[j] = 0.05 + 0.95 * u * u * u;
        stake[j] = random.nextLong(50 * RAO_PER_ALPHA);
      }
    }

    long tempo = Math.max(params.tempo(), 1);
    long firstWarmUp = BLOCK - WARM_UP_EPOCHS * tempo;
    long[] lastUpdate = new long[uids];
    long[] registeredAt = new long[uids];
    for (int j = 0; j < uids; j++) {
      // weights set in the tempo before the first warm-up epoch, kept since; registrations are
      // older than a tempo before that epoch, so its bonds already count every UID
      lastUpdate[j] = firstWarmUp - random.nextLong(tempo);
      registeredAt[j] = firstWarmUp - 2 * tempo - random.nextLong(REGISTRATION_WINDOW);
    }
    SparseMatrix weights = weights(isValidator, quality, random);

    SparseMatrix bonds = SparseMatrix.empty(uids);
    boolean[] permits = isValidator.clone();
    for (int e = 0; e < WARM_UP_EPOCHS; e++) {
      EpochInput warmUp =
          new EpochInput(
              firstWarmUp + e * tempo, stake, weights, bonds, lastUpdate, registeredAt, permits, null);
      EpochResult result = YumaEpoch.run(warmUp, params, WARM_UP_EMISSION);
      bonds = result.bonds();
      permits = result.validatorPermit();
    }
    return new EpochInput(BLOCK, stake, weights, bonds, lastUpdate, registeredAt, permits, null);
  }

  private static boolean[] pickValidators(int uids, int validators, SplittableRandom random) {
    int[] order = new int[uids];
    for (int j = 0; j < uids; j++) {
      order[j] = j;
    }
    boolean[] isValidator = new boolean[uids];
    for (int t = 0; t < validators; t++) {
      int pick = t + random.nextInt(uids - t);
      int uid = order[pick];
      order[pick] = order[t];
      order[t] = uid;
      isValidator[uid] = true;
    }
    return isValidator;
  }

  /** Full rows for validators, each with its own noise level; empty rows for miners. */
  private static SparseMatrix weights(
      boolean[] isValidator, double[] quality, SplittableRandom random) {
    int uids = quality.length;
    int validators = 0;
    for (boolean v : isValidator) {
      validators += v ? 1 : 0;
    }
    SparseMatrix.Builder rows = SparseMatrix.builder(validators * uids);
    int[] sent = new int[uids];
    for (int i = 0; i < uids; i++) {
      if (isValidator[i]) {
        double noise = 0.05 + 0.45 * random.nextDouble();
        for (int j = 0; j < uids; j++) {
          double view = quality[j] * Math.exp(noise * random.nextGaussian());
          sent[j] = (int) Math.max(1, Math.min(65_535, Math.round(view * 30_000)));
        }
        int[] stored = WeightNormalization.maxUpscaleU16(sent);
        for (int j = 0; j < uids; j++) {
          rows.add(j, stored[j]);
        }
      }
      rows.endRow();
    }
    return rows.build();
  }
}
