package io.taofabric.core.subnet;

import java.util.List;

/**
 * Which UID a registration on a full subnet replaces (spec §8, {@code get_neuron_to_prune}): the
 * lowest stored emission among non-immune UIDs, ties to the earliest registration and then the
 * lowest UID; among immune UIDs only when too few UIDs are out of immunity.
 */
public final class Pruning {
  /** The reference's MinNonImmuneUids. */
  public static final int MIN_NON_IMMUNE_UIDS = 10;

  private Pruning() {}

  /** One UID's pruning-relevant facts. */
  public record Candidate(long emission, long registeredAt, boolean immortal) {}

  /**
   * The UID to replace at {@code block}, or -1 when every UID is immortal.
   *
   * @param immunityPeriod blocks after registration during which a UID is immune
   */
  public static int uidToPrune(List<Candidate> uids, long block, long immunityPeriod) {
    int bestFree = -1;
    int bestImmune = -1;
    int nonImmune = 0;
    for (int uid = 0; uid < uids.size(); uid++) {
      Candidate c = uids.get(uid);
      if (c.immortal()) {
        continue;
      }
      if (block - c.registeredAt() < immunityPeriod) {
        bestImmune = lower(uids, bestImmune, uid);
      } else {
        nonImmune++;
        bestFree = lower(uids, bestFree, uid);
      }
    }
    return nonImmune > MIN_NON_IMMUNE_UIDS && bestFree >= 0 ? bestFree : bestImmune;
  }

  private static int lower(List<Candidate> uids, int best, int uid) {
    if (best < 0) {
      return uid;
    }
    Candidate a = uids.get(uid);
    Candidate b = uids.get(best);
    if (a.emission() != b.emission()) {
      return a.emission() < b.emission() ? uid : best;
    }
    return a.registeredAt() < b.registeredAt() ? uid : best; // equal: the lower UID, seen first
  }
}
