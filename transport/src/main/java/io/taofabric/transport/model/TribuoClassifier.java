package io.taofabric.transport.model;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.Model;
import io.taofabric.core.model.ModelException;
import io.taofabric.core.task.LabelledExample;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A miner's classifier: multinomial logistic regression trained by SGD (Tribuo) at start-up on the
 * miner's own sample of examples and subset of features. Different samples and features make models
 * of really different quality, which is what the canaries must tell apart.
 */
public final class TribuoClassifier implements Model<ClassificationQuery, ClassificationAnswer> {
  private static final LabelFactory LABELS = new LabelFactory();
  private static final int EPOCHS = 20;
  private static final double LEARNING_RATE = 0.5;

  /**
   * Tribuo reports every SGD epoch at INFO through java.util.logging, straight to stderr, which
   * would drown a node's output; held in a field because JUL keeps loggers weakly and would forget
   * the level.
   */
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  private final org.tribuo.Model<Label> model;
  private final int[] featureIndices;
  private final String[] featureNames;
  private final int classes;

  private TribuoClassifier(org.tribuo.Model<Label> model, int[] featureIndices, String[] featureNames, int classes) {
    this.model = model;
    this.featureIndices = featureIndices;
    this.featureNames = featureNames;
    this.classes = classes;
  }

  /**
   * Trains on {@code sample}, looking only at the features at {@code featureIndices}, for labels 0 to
   * {@code classes - 1}; {@code seed} fixes the SGD's shuffling, so a miner's model is reproducible.
   */
  public static TribuoClassifier train(List<LabelledExample> sample, int[] featureIndices, int classes, long seed) {
    if (sample.isEmpty() || featureIndices.length == 0) {
      throw new IllegalArgumentException("training needs examples and features");
    }
    String[] names = new String[featureIndices.length];
    for (int i = 0; i < featureIndices.length; i++) {
      names[i] = "f" + featureIndices[i];
    }
    MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("miner sample", LABELS), LABELS);
    for (LabelledExample e : sample) {
      dataset.add(new ArrayExample<>(new Label(Integer.toString(e.label())), names, select(e.features(), featureIndices)));
    }
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE), EPOCHS, seed);
    return new TribuoClassifier(trainer.train(dataset), featureIndices.clone(), names, classes);
  }

  /** Every feature index of a {@code count}-feature dataset. */
  public static int[] allFeatures(int count) {
    int[] all = new int[count];
    for (int i = 0; i < count; i++) {
      all[i] = i;
    }
    return all;
  }

  @Override
  public ClassificationAnswer answer(ClassificationQuery query) throws ModelException {
    if (query.classes() != classes) {
      throw new ModelException("this model knows " + classes + " classes, the query asks for " + query.classes());
    }
    for (int index : featureIndices) {
      if (index >= query.features().size()) {
        throw new ModelException("this model reads feature " + index + ", the query has " + query.features().size());
      }
    }
    Prediction<Label> prediction =
        model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, featureNames, select(query.features(), featureIndices)));
    double[] probabilities = new double[classes];
    for (Map.Entry<String, Label> score : prediction.getOutputScores().entrySet()) {
      probabilities[Integer.parseInt(score.getKey())] = score.getValue().getScore();
    }
    return new ClassificationAnswer(Doubles.of(probabilities));
  }

  private static double[] select(Doubles features, int[] indices) {
    double[] selected = new double[indices.length];
    for (int i = 0; i < indices.length; i++) {
      selected[i] = features.get(indices[i]);
    }
    return selected;
  }
}
