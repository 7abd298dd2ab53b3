package io.taofabric.core.sim;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.scoring.AnswerSimilarity;
import io.taofabric.core.scoring.TournamentPolicy;
import io.taofabric.core.scoring.ClassificationScoring;
import io.taofabric.core.task.ClassificationChallenge;
import io.taofabric.core.task.ClassificationTask;
import io.taofabric.core.task.LabelledExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Classification with canaries. Demand moves between groups of labels (users send mostly some
 * digits one tempo, others the next): the validators' pool is split by label group, one group per
 * tempo in turn, each with its own canaries. Answers to a canary are scored for correctness, the
 * others for agreement. The held-out examples are all scored for correctness.
 */
public final class ClassificationSimTask implements SimTask<ClassificationQuery, ClassificationAnswer> {
  private final List<ClassificationTask> groups;
  private final List<Challenge<ClassificationQuery, ClassificationAnswer>> heldOut;

  /**
   * Validators draw from {@code validatorPool}, split into {@code groupCount} groups by label;
   * {@code canaryShare} of their queries are canaries. {@code heldOut} is never sent.
   */
  public ClassificationSimTask(
      List<LabelledExample> validatorPool, List<LabelledExample> heldOut, int classes, int groupCount, double canaryShare) {
    if (groupCount < 1 || groupCount > classes) {
      throw new IllegalArgumentException("1 to " + classes + " label groups, got " + groupCount);
    }
    List<ClassificationTask> tasks = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      List<LabelledExample> group = new ArrayList<>();
      for (LabelledExample e : validatorPool) {
        if (e.label() * groupCount / classes == g) {
          group.add(e);
        }
      }
      // half the group's examples are canaries, the other half stand in for unlabelled user queries
      tasks.add(new ClassificationTask(group, group.size() / 2, classes, canaryShare));
    }
    List<Challenge<ClassificationQuery, ClassificationAnswer>> held = new ArrayList<>();
    for (LabelledExample e : heldOut) {
      held.add(new Challenge<>(new ClassificationQuery(e.features(), classes), ClassificationScoring.correct(e.label())));
    }
    this.groups = List.copyOf(tasks);
    this.heldOut = List.copyOf(held);
  }

  @Override
  public Challenge<ClassificationQuery, ClassificationAnswer> challenge(long tempo, Random random) {
    ClassificationChallenge c = groups.get((int) (tempo % groups.size())).next(random);
    if (c instanceof ClassificationChallenge.Canary canary) {
      return new Challenge<>(canary.query(), ClassificationScoring.canary(canary.label()));
    }
    return new Challenge<>(c.query(), ClassificationScoring.agreement());
  }

  @Override
  public List<Challenge<ClassificationQuery, ClassificationAnswer>> heldOut() {
    return heldOut;
  }

  @Override
  public TournamentPolicy policy() {
    return TournamentPolicy.CLASSIFICATION;
  }

  @Override
  public AnswerSimilarity<ClassificationQuery, ClassificationAnswer> similarity() {
    return ClassificationScoring.similarity(ClassificationScoring.COPY_LOG_TOLERANCE);
  }
}
