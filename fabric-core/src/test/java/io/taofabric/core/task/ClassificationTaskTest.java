package io.taofabric.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassificationTaskTest {
  private static final List<LabelledExample> DIGITS = Digits.load();

  @Test
  void shouldLoadEveryDigitWithItsSixtyFourGreyLevels() {
    assertEquals(1_797, DIGITS.size());
    Set<Integer> labels = new HashSet<>();
    for (LabelledExample e : DIGITS) {
      assertEquals(Digits.FEATURES, e.features().size());
      labels.add(e.label());
    }
    assertEquals(Digits.CLASSES, labels.size());
  }

  @Test
  void shouldHoldOutExamplesMinersNeverTrainOn() {
    DatasetSplit split = DatasetSplit.shuffled(DIGITS, 300, new Random(7));

    assertEquals(1_497, split.training().size());
    assertEquals(300, split.heldOut().size());
    Set<LabelledExample> training = new HashSet<>(split.training());
    assertTrue(split.heldOut().stream().noneMatch(training::contains));
  }

  @Test
  void shouldMixCanariesWithTheirLabelsAmongOrdinaryQueries() {
    List<LabelledExample> heldOut = DatasetSplit.shuffled(DIGITS, 300, new Random(7)).heldOut();
    ClassificationTask task = new ClassificationTask(heldOut, 100, Digits.CLASSES, 0.25);
    Random random = new Random(11);

    int canaries = 0;
    for (int i = 0; i < 4_000; i++) {
      ClassificationChallenge challenge = task.next(random);
      assertEquals(Digits.CLASSES, challenge.query().classes());
      if (challenge instanceof ClassificationChallenge.Canary canary) {
        canaries++;
        assertTrue(heldOut.subList(0, 100).contains(new LabelledExample(canary.query().features(), canary.label())));
      } else {
        assertTrue(heldOut.subList(100, 300).stream().anyMatch(e -> e.features().equals(challenge.query().features())));
      }
    }
    assertEquals(1_000, canaries, 100);
  }
}
