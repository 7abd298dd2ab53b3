package io.taofabric.transport.model;

import io.taofabric.core.task.Digits;
import io.taofabric.core.task.LabelledExample;
import java.util.List;

/**
 * Tribuo digit classifiers of really different quality, each trained on a sample and pixels of its
 * own: the honest miners of a digits subnet. Held-out accuracy on 600 digits (seeds 1 to 3):
 * all-pixels-full 0.96, all-pixels-200 0.90–0.93, top-half-full 0.83–0.85, left-half-full 0.80–0.81,
 * all-pixels-40 0.69–0.80, middle-rows-full 0.73–0.74, all-pixels-15 0.43–0.45.
 */
public final class DigitClassifiers {
  /** Side of the square digit images, in pixels. */
  private static final int SIDE = 8;

  /**
   * One miner's training: examples {@code from} (inclusive) to {@code to} (exclusive, capped at the
   * training set's size) and the pixels it reads.
   */
  public record Recipe(String name, int from, int to, int[] pixels) {
    /** Copies the pixels. */
    public Recipe {
      pixels = pixels.clone();
    }

    /** Trains this recipe's model on its part of {@code training}; {@code seed} fixes the SGD's shuffling. */
    public TribuoClassifier train(List<LabelledExample> training, long seed) {
      return TribuoClassifier.train(training.subList(from, Math.min(to, training.size())), pixels, Digits.CLASSES, seed);
    }
  }

  private static final int[] ALL = TribuoClassifier.allFeatures(Digits.FEATURES);

  /**
   * The best first, the weakest second, then the others from the best down: a subnet of two or
   * three miners already spans the range.
   */
  private static final List<Recipe> GRADED =
      List.of(
          new Recipe("all-pixels-full", 0, Integer.MAX_VALUE, ALL),
          new Recipe("all-pixels-15", 240, 255, ALL),
          new Recipe("all-pixels-200", 0, 200, ALL),
          new Recipe("top-half-full", 0, Integer.MAX_VALUE, rows(0, 4)),
          new Recipe("left-half-full", 0, Integer.MAX_VALUE, columns(0, 4)),
          new Recipe("all-pixels-40", 200, 240, ALL),
          new Recipe("middle-rows-full", 0, Integer.MAX_VALUE, rows(3, 5)));

  private DigitClassifiers() {}

  /** Every recipe, in the order above. */
  public static List<Recipe> graded() {
    return GRADED;
  }

  /** The recipe called {@code name}. */
  public static Recipe named(String name) {
    for (Recipe r : GRADED) {
      if (r.name().equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no digit classifier recipe is called " + name);
  }

  /** The pixels of columns {@code from} (inclusive) to {@code to} (exclusive) of the image. */
  public static int[] columns(int from, int to) {
    int width = to - from;
    int[] pixels = new int[SIDE * width];
    for (int row = 0; row < SIDE; row++) {
      for (int col = 0; col < width; col++) {
        pixels[row * width + col] = row * SIDE + from + col;
      }
    }
    return pixels;
  }

  /** The pixels of rows {@code from} (inclusive) to {@code to} (exclusive) of the image. */
  public static int[] rows(int from, int to) {
    int[] pixels = new int[(to - from) * SIDE];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = from * SIDE + i;
    }
    return pixels;
  }
}
