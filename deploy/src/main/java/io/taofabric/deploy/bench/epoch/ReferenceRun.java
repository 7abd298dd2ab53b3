package io.taofabric.deploy.bench.epoch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the reference model's driver reported for one snapshot: the wall time of each epoch it ran,
 * and the exact I32F32 bits of the incentive and dividends of the last one.
 */
record ReferenceRun(double[] epochMs, long[] incentiveBits, long[] dividendsBits) {
  /** Whether the engine's incentive and dividends equal the reference's, and how that is printed. */
  record Agreement(boolean agrees, String description) {}

  ReferenceRun {
    if (epochMs.length == 0) {
      throw new IllegalArgumentException("the reference ran no epoch");
    }
  }

  /** Mean wall time of one epoch. */
  double meanMs() {
    double sum = 0;
    for (double ms : epochMs) {
      sum += ms;
    }
    return sum / epochMs.length;
  }

  /**
   * Compares with the engine's incentive and dividends, bit for bit: {@code "incentive and
   * dividends agree (64 UIDs, bit for bit)"} or what differs, with the first differing UID.
   */
  Agreement agreementWith(long[] incentive, long[] dividends) {
    List<String> differences = new ArrayList<>();
    difference("incentive", incentive, incentiveBits, differences);
    difference("dividends", dividends, dividendsBits, differences);
    if (differences.isEmpty()) {
      return new Agreement(
          true, String.format(Locale.ROOT, "incentive and dividends agree (%d UIDs, bit for bit)", incentive.length));
    }
    return new Agreement(false, "DIFFER from the reference: " + String.join("; ", differences));
  }

  private static void difference(String name, long[] engine, long[] reference, List<String> out) {
    if (engine.length != reference.length) {
      out.add(String.format(Locale.ROOT, "%s has %d UIDs, the reference %d", name, engine.length, reference.length));
      return;
    }
    int count = 0;
    int first = -1;
    for (int uid = 0; uid < engine.length; uid++) {
      if (engine[uid] != reference[uid]) {
        count++;
        first = first < 0 ? uid : first;
      }
    }
    if (count > 0) {
      out.add(
          String.format(
              Locale.ROOT,
              "%s at %d UIDs (first UID %d: engine %d, reference %d)",
              name,
              count,
              first,
              engine[first],
              reference[first]));
    }
  }
}
