package io.taofabric.transport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.ClassificationAnswer;
import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ModelException;
import io.taofabric.core.task.DatasetSplit;
import io.taofabric.core.task.Digits;
import io.taofabric.core.task.LabelledExample;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TribuoClassifierTest {
  private static final DatasetSplit SPLIT = DatasetSplit.shuffled(Digits.load(), 400, new Random(42));
  private static final int[] ALL = TribuoClassifier.allFeatures(Digits.FEATURES);

  @Test
  void shouldBeMoreAccurateOnCanariesWhenTrainedOnALargerSample() throws ModelException {
    TribuoClassifier small = TribuoClassifier.train(SPLIT.training().subList(0, 30), ALL, Digits.CLASSES, 1);
    TribuoClassifier large = TribuoClassifier.train(SPLIT.training(), ALL, Digits.CLASSES, 1);

    double smallAccuracy = canaryAccuracy(small);
    double largeAccuracy = canaryAccuracy(large);

    assertTrue(largeAccuracy > 0.9, "large sample: " + largeAccuracy);
    assertTrue(largeAccuracy - smallAccuracy > 0.1, "small " + smallAccuracy + ", large " + largeAccuracy);
  }

  @Test
  void shouldBeLessAccurateOnAFewFeaturesOnly() throws ModelException {
    int[] topRow = {0, 1, 2, 3, 4, 5, 6, 7};
    TribuoClassifier blinkered = TribuoClassifier.train(SPLIT.training(), topRow, Digits.CLASSES, 1);

    assertTrue(canaryAccuracy(blinkered) < 0.6, "top row only: " + canaryAccuracy(blinkered));
  }

  @Test
  void shouldAnswerWithADistributionOverTheClasses() throws ModelException {
    TribuoClassifier model = TribuoClassifier.train(SPLIT.training().subList(0, 200), ALL, Digits.CLASSES, 1);
    ClassificationQuery query = new ClassificationQuery(SPLIT.heldOut().get(0).features(), Digits.CLASSES);

    ClassificationAnswer answer = model.answer(query);

    assertTrue(answer.fits(query), answer.toString());
  }

  @Test
  void shouldRefuseQueriesItCannotRead() {
    TribuoClassifier model = TribuoClassifier.train(SPLIT.training().subList(0, 50), ALL, Digits.CLASSES, 1);

    ModelException classes = assertThrows(ModelException.class,
        () -> model.answer(new ClassificationQuery(SPLIT.heldOut().get(0).features(), 3)));
    ModelException features = assertThrows(ModelException.class,
        () -> model.answer(new ClassificationQuery(Doubles.of(1, 2), Digits.CLASSES)));
    assertEquals("this model knows 10 classes, the query asks for 3", classes.getMessage());
    assertEquals("this model reads feature 2, the query has 2", features.getMessage());
  }

  private static double canaryAccuracy(TribuoClassifier model) throws ModelException {
    List<LabelledExample> canaries = SPLIT.heldOut();
    int correct = 0;
    for (LabelledExample canary : canaries) {
      if (model.answer(new ClassificationQuery(canary.features(), Digits.CLASSES)).label() == canary.label()) {
        correct++;
      }
    }
    return correct / (double) canaries.size();
  }
}
