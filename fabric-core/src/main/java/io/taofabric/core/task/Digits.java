package io.taofabric.core.task;

import io.taofabric.core.model.Doubles;
import java.util.ArrayList;
import java.util.List;

/**
 * The UCI handwritten digits as scikit-learn ships them: 1,797 images of 8×8 grey levels (0–16), 64
 * features in row order, then the digit.
 */
public final class Digits {
  /** The labels 0 to 9. */
  public static final int CLASSES = 10;

  /** One grey level per pixel of an 8×8 image. */
  public static final int FEATURES = 64;

  private static final String FILE = "digits.csv.gz";

  private Digits() {}

  /** Every digit, in the file's order. */
  public static List<LabelledExample> load() {
    List<String> lines = DatasetResources.lines(FILE);
    List<LabelledExample> examples = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      if (cells.length != FEATURES + 1) {
        throw new IllegalStateException(FILE + " line " + (i + 1) + " has " + cells.length + " cells, not " + (FEATURES + 1));
      }
      double[] features = new double[FEATURES];
      for (int f = 0; f < FEATURES; f++) {
        features[f] = DatasetResources.number(cells[f], FILE, i + 1);
      }
      examples.add(new LabelledExample(Doubles.of(features), (int) DatasetResources.number(cells[FEATURES], FILE, i + 1)));
    }
    return List.copyOf(examples);
  }
}
