package io.taofabric.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a cost grows over a sweep of sizes: for each step between neighbouring sizes, the size ratio,
 * the cost ratio and the exponent k of {@code cost ~ size^k} over that step (1 is linear).
 */
public final class Growth {
  /** One measured cost at one size. */
  public record Point(double size, double cost) {}

  private Growth() {}

  /**
   * One line, e.g. {@code time per epoch over n: 64 → 256 ×13.2 (n ×4.00, exponent 1.86); ...}, or
   * nothing for fewer than two points. Points are taken in the order given.
   */
  public static Optional<String> describe(String cost, String size, List<Point> points) {
    if (points.size() < 2) {
      return Optional.empty();
    }
    List<String> steps = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      Point from = points.get(i - 1);
      Point to = points.get(i);
      double sizeRatio = to.size() / from.size();
      double costRatio = to.cost() / from.cost();
      steps.add(
          String.format(
              Locale.ROOT,
              "%s → %s ×%s (%s ×%s, exponent %.2f)",
              number(from.size()),
              number(to.size()),
              ratio(costRatio),
              size,
              ratio(sizeRatio),
              Math.log(costRatio) / Math.log(sizeRatio)));
    }
    return Optional.of(cost + " over " + size + ": " + String.join("; ", steps));
  }

  /** A ratio with three significant figures at most, e.g. 0.857, 13.2, 2429. */
  public static String ratio(double r) {
    if (r >= 100) {
      return String.format(Locale.ROOT, "%.0f", r);
    }
    return String.format(Locale.ROOT, r >= 10 ? "%.1f" : r >= 1 ? "%.2f" : "%.3f", r);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
