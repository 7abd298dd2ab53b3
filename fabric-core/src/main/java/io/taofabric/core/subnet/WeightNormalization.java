package io.taofabric.core.subnet;

import static io.taofabric.core.fixed.Fixed.U16_MAX;
import static io.taofabric.core.fixed.Fixed.U16_MAX_FIXED;
import static io.taofabric.core.fixed.Fixed.div;
import static io.taofabric.core.fixed.Fixed.fromInt;
import static io.taofabric.core.fixed.Fixed.mul;
import static io.taofabric.core.fixed.Fixed.round;
import static io.taofabric.core.fixed.Fixed.toUnsignedFloor;

/**
 * How a weights transaction's values are stored (spec §6): max-upscaled so the largest becomes
 * 65535, rounding ties away from zero.
 */
public final class WeightNormalization {
  private static final long UPSCALE_THRESHOLD = fromInt(32_768);

  private WeightNormalization() {}

  /** {@code vec_u16_max_upscale_to_u16}: the stored form of a transaction's u16 values. */
  public static int[] maxUpscaleU16(int[] values) {
    long[] fixed = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] > U16_MAX) {
        throw new IllegalArgumentException("weight value out of u16 range: " + values[i]);
      }
      fixed[i] = fromInt(values[i]);
    }
    return maxUpscale(fixed);
  }

  /** {@code vec_max_upscale_to_u16} over I32F32 values. */
  public static int[] maxUpscale(long[] values) {
    int[] out = new int[values.length];
    if (values.length == 0) {
      return out;
    }
    long max = Long.MIN_VALUE;
    for (long v : values) {
      max = Math.max(max, v);
    }
    for (int i = 0; i < values.length; i++) {
      long scaled;
      if (max == 0) {
        scaled = mul(values[i], U16_MAX_FIXED);
      } else if (max > UPSCALE_THRESHOLD) {
        scaled = round(mul(values[i], div(U16_MAX_FIXED, max)));
      } else {
        scaled = round(div(mul(values[i], U16_MAX_FIXED), max));
      }
      out[i] = (int) toUnsignedFloor(scaled, U16_MAX);
    }
    return out;
  }
}
