package io.taofabric.deploy.weights;

import io.taofabric.core.fixed.Fixed;
import io.taofabric.core.subnet.WeightNormalization;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Weights as a validator types them ({@code --uids 1,2 --weights 0.5,0.5}) turned into the u16
 * values a subnet takes: as Bittensor's {@code convert_weights_and_uids_for_emit}, scaled so the
 * largest is 65535, and UIDs whose value rounds to 0 left out. The scaling is the subnet's own
 * ({@link WeightNormalization#maxUpscale} over I32F32), so the subnet stores what is sent.
 *
 * @param uids the UIDs weighted, in the order given
 * @param values their u16 values, pairwise
 */
record WeightsInput(List<Integer> uids, List<Integer> values) {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final BigDecimal ONE_FIXED = BigDecimal.valueOf(Fixed.ONE);
  private static final BigDecimal LIMIT = BigDecimal.valueOf(Integer.MAX_VALUE);

  /** Copies the lists. */
  WeightsInput {
    uids = List.copyOf(uids);
    values = List.copyOf(values);
  }

  /**
   * The u16 weights of {@code weights} on {@code uids}, pairwise.
   *
   * @throws IllegalArgumentException naming the problem: lengths differ, a UID is not a u16 or
   *     appears twice, a weight is not a plain non-negative decimal below 2^31, or none is above 0
   */
  static WeightsInput of(List<Integer> uids, List<String> weights) {
    if (uids.isEmpty() || uids.size() != weights.size()) {
      throw new IllegalArgumentException(
          "--uids and --weights must name as many entries, at least one; got " + uids.size() + " and " + weights.size());
    }
    Set<Integer> seen = new HashSet<>();
    long[] fixed = new long[weights.size()];
    boolean anyPositive = false;
    for (int i = 0; i < fixed.length; i++) {
      int uid = uids.get(i);
      if (uid < 0 || uid > Fixed.U16_MAX) {
        throw new IllegalArgumentException("a UID is in [0, 65535], got " + uid);
      }
      if (!seen.add(uid)) {
        throw new IllegalArgumentException("UID " + uid + " appears twice in --uids");
      }
      fixed[i] = fixed(weights.get(i));
      anyPositive |= fixed[i] > 0;
    }
    if (!anyPositive) {
      throw new IllegalArgumentException("at least one weight must be above 0");
    }
    int[] scaled = WeightNormalization.maxUpscale(fixed);
    List<Integer> keptUids = new ArrayList<>();
    List<Integer> keptValues = new ArrayList<>();
    for (int i = 0; i < scaled.length; i++) {
      if (scaled[i] > 0) {
        keptUids.add(uids.get(i));
        keptValues.add(scaled[i]);
      }
    }
    return new WeightsInput(keptUids, keptValues);
  }

  /** A weight as I32F32 bits, the fraction below 2^-32 dropped. */
  private static long fixed(String weight) {
    if (!DECIMAL.matcher(weight).matches()) {
      throw new IllegalArgumentException("a weight is a plain non-negative decimal such as 0.25, got '" + weight + "'");
    }
    BigDecimal value = new BigDecimal(weight);
    if (value.compareTo(LIMIT) > 0) {
      throw new IllegalArgumentException("a weight is at most " + Integer.MAX_VALUE + ", got " + weight);
    }
    return value.multiply(ONE_FIXED).toBigInteger().longValueExact();
  }
}
