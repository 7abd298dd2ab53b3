package io.taofabric.transport.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.ModelException;
import io.taofabric.core.task.DatasetSplit;
import io.taofabric.core.task.Digits;
import io.taofabric.core.task.LabelledExample;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigitClassifiersTest {
  private static final DatasetSplit SPLIT = DatasetSplit.shuffled(Digits.load(), 600, new Random(1));

  @Test
  void shouldPutTheBestRecipeFirstAndTheWeakestSecond() throws ModelException {
    // given
    List<DigitClassifiers.Recipe> graded = DigitClassifiers.graded();
    // when
    double best = accuracy(graded.get(0).train(SPLIT.training(), 1));
    double weakest = accuracy(graded.get(1).train(SPLIT.training(), 1));
    // then
    assertEquals(7, graded.size());
    assertTrue(best > 0.9, "best " + best);
    assertTrue(weakest < 0.6, "weakest " + weakest);
  }

  @Test
  void shouldSelectColumnsAndRowsOfTheImage() {
    assertArrayEquals(new int[] {6, 7, 14, 15, 22, 23, 30, 31, 38, 39, 46, 47, 54, 55, 62, 63}, DigitClassifiers.columns(6, 8));
    assertArrayEquals(new int[] {8, 9, 10, 11, 12, 13, 14, 15}, DigitClassifiers.rows(1, 2));
  }

  private static double accuracy(TribuoClassifier model) throws ModelException {
    int right = 0;
    for (LabelledExample e : SPLIT.heldOut()) {
      if (model.answer(new ClassificationQuery(e.features(), Digits.CLASSES)).label() == e.label()) {
        right++;
      }
    }
    return right / (double) SPLIT.heldOut().size();
  }
}
