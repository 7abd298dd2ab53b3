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
import io.taofabric.transport.model.TribuoClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

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

  /**
   * Tribuo reports SGD progress at INFO through java.util.logging, straight to stderr; held in a
   * field because JUL keeps loggers weakly and would forget the level.
   */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

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
    int[] all = TribuoClassifier.allFeatures(Digits.FEATURES);
    List<NamedModel<ClassificationQuery, ClassificationAnswer>> honest = List.of(
        trained("all-pixels-full", training, all, seed),
        trained("all-pixels-200", training.subList(0, 200), all, seed),
        trained("left-half-full", training, columns(0, 4), seed),
        trained("all-pixels-40", training.subList(200, 240), all, seed),
        trained("top-half-full", training, rows(0, 4), seed),
        trained("all-pixels-15", training.subList(240, 255), all, seed),
        trained("middle-rows-full", training, rows(3, 5), seed));
    TribuoClassifier sybilModel = TribuoClassifier.train(training.subList(300, 600), all, Digits.CLASSES, seed + 1);
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

  private static NamedModel<ClassificationQuery, ClassificationAnswer> trained(
      String name, List<LabelledExample> sample, int[] features, long seed) {
    return new NamedModel<>("tribuo-" + name, TribuoClassifier.train(sample, features, Digits.CLASSES, seed));
  }

  /** The pixels of columns {@code from} (inclusive) to {@code to} (exclusive) of the 8×8 image. */
  private static int[] columns(int from, int to) {
    List<Integer> pixels = new ArrayList<>();
    for (int row = 0; row < 8; row++) {
      for (int col = from; col < to; col++) {
        pixels.add(row * 8 + col);
      }
    }
    return pixels.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The pixels of rows {@code from} (inclusive) to {@code to} (exclusive). */
  private static int[] rows(int from, int to) {
    int[] pixels = new int[(to - from) * 8];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = from * 8 + i;
    }
    return pixels;
  }
}
