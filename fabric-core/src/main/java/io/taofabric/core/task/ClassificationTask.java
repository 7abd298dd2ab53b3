package io.taofabric.core.task;

import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Classification with canaries: a share of the queries come from a labelled pool the validator keeps
 * secret, the rest from a pool whose labels it has dropped (standing in for users' queries, which
 * have none). Miners cannot tell the two apart, so a model that answers canaries well answers
 * everything well.
 */
public final class ClassificationTask {
  private final List<LabelledExample> canaries;
  private final List<Doubles> ordinary;
  private final int classes;
  private final double canaryShare;

  /**
   * The first {@code canaryCount} of {@code heldOut} become canaries, the rest ordinary queries
   * without their labels; {@code canaryShare} of the queries are canaries.
   */
  public ClassificationTask(List<LabelledExample> heldOut, int canaryCount, int classes, double canaryShare) {
    if (canaryCount < 1 || canaryCount >= heldOut.size()) {
      throw new IllegalArgumentException(
          "canaries are 1 to " + (heldOut.size() - 1) + " of the held-out examples, got " + canaryCount);
    }
    if (!(canaryShare > 0 && canaryShare <= 1)) {
      throw new IllegalArgumentException("the canary share is in (0, 1], got " + canaryShare);
    }
    this.canaries = List.copyOf(heldOut.subList(0, canaryCount));
    List<Doubles> unlabelled = new ArrayList<>();
    for (LabelledExample e : heldOut.subList(canaryCount, heldOut.size())) {
      unlabelled.add(e.features());
    }
    this.ordinary = List.copyOf(unlabelled);
    this.classes = classes;
    this.canaryShare = canaryShare;
  }

  /** The next challenge: a canary with probability {@code canaryShare}, otherwise an ordinary query. */
  public ClassificationChallenge next(Random random) {
    if (random.nextDouble() < canaryShare) {
      LabelledExample canary = canaries.get(random.nextInt(canaries.size()));
      return new ClassificationChallenge.Canary(new ClassificationQuery(canary.features(), classes), canary.label());
    }
    return new ClassificationChallenge.Ordinary(
        new ClassificationQuery(ordinary.get(random.nextInt(ordinary.size())), classes));
  }
}
