package io.taofabric.core.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A dataset shuffled into examples miners may train on and examples held out for validators. Canaries
 * must come from the held-out part: a miner that had trained on a canary would pass it by memory.
 */
public record DatasetSplit(List<LabelledExample> training, List<LabelledExample> heldOut) {
  public DatasetSplit {
    training = List.copyOf(training);
    heldOut = List.copyOf(heldOut);
  }

  /** {@code examples} shuffled with {@code random}, the last {@code heldOutCount} held out. */
  public static DatasetSplit shuffled(List<LabelledExample> examples, int heldOutCount, Random random) {
    if (heldOutCount < 0 || heldOutCount > examples.size()) {
      throw new IllegalArgumentException("cannot hold out " + heldOutCount + " of " + examples.size() + " examples");
    }
    List<LabelledExample> shuffled = new ArrayList<>(examples);
    Collections.shuffle(shuffled, random);
    int cut = shuffled.size() - heldOutCount;
    return new DatasetSplit(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
  }
}
