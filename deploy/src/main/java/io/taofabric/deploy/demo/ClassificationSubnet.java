package io.taofabric.deploy.demo;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.sim.ClassificationSimTask;
import io.taofabric.core.sim.Lineup;
import io.taofabric.core.sim.NamedModel;
import io.taofabric.core.strategy.Strategies;
import io.taofabric.core.task.DatasetSplit;
import io.taofabric.core.task.Digits;
import io.taofabric.core.task.LabelledExample;
import io.taofabric.transport.model.DigitClassifiers;
import io.taofabric.transport.model.TribuoClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The classification subnet of the demo: digits split three ways (miners' training, validators'
 * queries, the held-out measure of true quality) and honest miners that are Tribuo models of really
 * different quality, trained on samples of different sizes and on different pixels.
 */
final class ClassificationSubnet {
  /** Digits kept from training: half for validators' queries, half for the true-quality measure. */
  private static final int HELD_OUT = 600;
  /** Demand alternates between digits 0–4 and 5–9. */
  private static final int LABEL_GROUPS = 2;
  /** A third of validators' queries are canaries. */
  private static final double CANARY_SHARE = 0.35;
  /** The honest miners' recipes, in the order a mix takes them. */
  private static final List<String> HONEST = List.of(
      "all-pixels-full", "all-pixels-200", "left-half-full", "all-pixels-40", "top-half-full", "all-pixels-15", "middle-rows-full");

  private final ClassificationSimTask task;
  private final Lineup<ClassificationQuery, ClassificationAnswer> lineup;

  private ClassificationSubnet(ClassificationSimTask task, Lineup<ClassificationQuery, ClassificationAnswer> lineup) {
    this.task = task;
    this.lineup = lineup;
  }

  /** The subnet for {@code seed}: the split and every miner's training depend on it. */
  static ClassificationSubnet of(long seed) {
    DatasetSplit split = DatasetSplit.shuffled(Digits.load(), HELD_OUT, new Random(seed));
    List<LabelledExample> validators = split.heldOut().subList(0, HELD_OUT / 2);
    List<LabelledExample> measured = split.heldOut().subList(HELD_OUT / 2, HELD_OUT);
    List<LabelledExample> training = split.training();
    List<NamedModel<ClassificationQuery, ClassificationAnswer>> honest = new ArrayList<>();
    for (String name : HONEST) {
      honest.add(new NamedModel<>("tribuo-" + name, DigitClassifiers.named(name).train(training, seed)));
    }
    TribuoClassifier sybilModel =
        TribuoClassifier.train(training.subList(300, 600), TribuoClassifier.allFeatures(Digits.FEATURES), Digits.CLASSES, seed + 1);
    return new ClassificationSubnet(
        new ClassificationSimTask(validators, measured, Digits.CLASSES, LABEL_GROUPS, CANARY_SHARE),
        new Lineup<>(honest, sybilModel, ClassificationAnswer.certain(0, Digits.CLASSES), Strategies::randomLabel));
  }

  ClassificationSimTask task() {
    return task;
  }

  Lineup<ClassificationQuery, ClassificationAnswer> lineup() {
    return lineup;
  }
}
