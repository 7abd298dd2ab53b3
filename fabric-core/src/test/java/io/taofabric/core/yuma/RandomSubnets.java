package io.taofabric.core.yuma;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random but valid epoch inputs for property tests; rows sorted by target UID, stakes distinct. */
final class RandomSubnets {
  private RandomSubnets() {}

  record Case(EpochInput input, EpochParams params, long rao) {}

  static Case generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 1 + r.nextInt(48);
    long block = 1_000 + r.nextInt(5_000);
    long[] stake = new long[n];
    List<Long> used = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long s;
      do {
        s = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(1 << 20);
      } while (s != 0 && used.contains(s));
      used.add(s);
      stake[i] = s;
    }
    long[] lastUpdate = new long[n];
    long[] registeredAt = new long[n];
    boolean[] permits = new boolean[n];
    for (int i = 0; i < n; i++) {
      registeredAt[i] = r.nextInt((int) block);
      lastUpdate[i] = registeredAt[i] + r.nextInt((int) (block - registeredAt[i]) + 1);
      permits[i] = r.nextInt(4) != 0;
    }
    EpochParams params =
        EpochParams.DEFAULTS.toBuilder()
            .yuma3(r.nextBoolean())
            .liquidAlpha(r.nextBoolean())
            .kappa(r.nextInt(4) == 0 ? r.nextInt(65_536) : 32_767)
            .bondsPenalty(r.nextInt(3) == 0 ? r.nextInt(65_536) : 65_535)
            .bondsMovingAverage(r.nextInt(3) == 0 ? r.nextInt(1_000_001) : 900_000)
            .tempo(1 + r.nextInt(1_000))
            .maxAllowedValidators(1 + r.nextInt(n + 4))
            .stakeThreshold(r.nextInt(5) == 0 ? r.nextInt(1 << 18) : 0)
            .ownerUid(r.nextInt(4) == 0 ? r.nextInt(n) : EpochParams.NONE)
            .lastEpochBlock(r.nextBoolean() ? 0 : block - 1 - r.nextInt(100))
            .build();
    long rao = r.nextInt(10) == 0 ? 0 : r.nextLong(1_000_000_000_000L);
    EpochInput input =
        new EpochInput(
            block, stake, sortedRows(r, n, 0.6), sortedRows(r, n, 0.4), lastUpdate, registeredAt, permits, null);
    return new Case(input, params, rao);
  }

  private static SparseMatrix sortedRows(SplittableRandom r, int n, double density) {
    SparseMatrix.Builder b = SparseMatrix.builder(n * n);
    for (int i = 0; i < n; i++) {
      boolean filled = r.nextDouble() < density;
      for (int j = 0; j < n && filled; j++) {
        if (r.nextDouble() < 0.5) {
          b.add(j, r.nextInt(8) == 0 ? 0 : r.nextInt(65_536));
        }
      }
      b.endRow();
    }
    return b.build();
  }
}
