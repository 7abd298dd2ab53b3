package io.taofabric.deploy.node;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Models;
import io.taofabric.core.scoring.ClassificationScoring;
import io.taofabric.core.scoring.QualityScorer;
import io.taofabric.core.scoring.TournamentPolicy;
import io.taofabric.core.sim.NamedModel;
import io.taofabric.core.task.ClassificationChallenge;
import io.taofabric.core.task.ClassificationTask;
import io.taofabric.core.task.DatasetSplit;
import io.taofabric.core.task.Digits;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.model.DigitClassifiers;
import io.taofabric.transport.model.TribuoClassifier;
import io.taofabric.transport.round.QueryRound;
import io.taofabric.transport.round.TaskServing;
import io.taofabric.transport.validator.FanOutSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The classification subnet: the digits are split once into what miners train on and what the
 * validator keeps back. Miners are Tribuo classifiers of graded quality ({@link DigitClassifiers},
 * the best first), each trained at start-up on its own sample and pixels of the training part; the
 * lazy one always answers 0. Each round the validator asks a few digits of the held-out part, half
 * of them canaries whose label it knows (scored by the label's likelihood), the others scored by
 * agreement among the miners' independent answers; a miner's round score is its mean.
 */
final class DigitDemo implements DemoTask<ClassificationQuery, ClassificationAnswer> {
  /** Digits kept from training; half of them are canaries. */
  private static final int HELD_OUT = 600;
  /** With only a few miners their agreement says little, so canaries carry half the queries. */
  private static final double CANARY_SHARE = 0.5;
  /** Queries a round: one digit scores a miner 0 or 1 on a canary, which is too coarse alone. */
  private static final int QUERIES = 8;
  /** The split and every model's training are fixed, so every run serves the same miners. */
  private static final long SEED = 1;

  private final DatasetSplit split = split();
  private final ClassificationTask task = new ClassificationTask(split.heldOut(), HELD_OUT / 2, Digits.CLASSES, CANARY_SHARE);
  private final Map<Integer, TribuoClassifier> trained = new HashMap<>();

  /** The digits miners train on and those the validator keeps back: the same in every run. */
  static DatasetSplit split() {
    return DatasetSplit.shuffled(Digits.load(), HELD_OUT, new Random(SEED));
  }

  /** Past the seventh miner the recipes repeat, and the validator finds the repeats to be copies. */
  @Override
  public NamedModel<ClassificationQuery, ClassificationAnswer> miner(int j, int count) {
    if (count > 1 && j == count - 1) {
      return new NamedModel<>("lazy-zero", Models.function(q -> ClassificationAnswer.certain(0, q.classes())));
    }
    List<DigitClassifiers.Recipe> graded = DigitClassifiers.graded();
    int recipe = j % graded.size();
    return new NamedModel<>(
        "tribuo-" + graded.get(recipe).name(), trained.computeIfAbsent(recipe, r -> graded.get(r).train(split.training(), SEED)));
  }

  @Override
  public Model serving(io.taofabric.core.model.Model<ClassificationQuery, ClassificationAnswer> model) {
    return TaskServing.classifier(model);
  }

  @Override
  public QueryRound<ClassificationQuery, ClassificationAnswer> round(
      AeronNode node, SigningKey validator, FanOutSettings replies, Duration timeout) {
    return QueryRound.classification(node, validator, replies, List.of(), timeout);
  }

  @Override
  public List<Map<String, Double>> play(QueryRound<ClassificationQuery, ClassificationAnswer> round, Random random) {
    List<Map<String, Double>> scores = new ArrayList<>();
    for (int q = 0; q < QUERIES; q++) {
      ClassificationChallenge challenge = task.next(random);
      scores.add(round.scores(round.ask(challenge.query()), scorer(challenge)));
    }
    return scores;
  }

  @Override
  public TournamentPolicy policy() {
    return TournamentPolicy.CLASSIFICATION;
  }

  private static QualityScorer<ClassificationQuery, ClassificationAnswer> scorer(ClassificationChallenge challenge) {
    if (challenge instanceof ClassificationChallenge.Canary canary) {
      return ClassificationScoring.canary(canary.label());
    }
    return ClassificationScoring.agreement();
  }
}
