package io.taofabric.core.yuma;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.fixed.Fixed;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns the vectors' decimal literals into I32F32 bits the way the reference's tests do:
 * {@code I32F32::from_num(f32 | f64)}, round to nearest with ties to even, saturating.
 */
final class FixedLiterals {
  private static final BigDecimal SCALE = BigDecimal.valueOf(Fixed.ONE);
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  private FixedLiterals() {}

  static long fromF32(double literal) {
    return fromExact(new BigDecimal((double) (float) literal));
  }

  static long fromF64(double literal) {
    return fromExact(new BigDecimal(literal));
  }

  /** A JSON number as I32F32, reading it as f32 or f64; "MIN"/"MAX" name the range ends. */
  static long parse(JsonNode node, boolean f32) {
    if (node.isTextual()) {
      return switch (node.asText()) {
        case "MIN" -> Long.MIN_VALUE;
        case "MAX" -> Long.MAX_VALUE;
        default -> throw new IllegalArgumentException("unknown literal " + node);
      };
    }
    return f32 ? fromF32(node.asDouble()) : fromF64(node.asDouble());
  }

  private static long fromExact(BigDecimal value) {
    BigDecimal bits = value.multiply(SCALE).setScale(0, RoundingMode.HALF_EVEN);
    if (bits.compareTo(MAX) > 0) {
      return Long.MAX_VALUE;
    }
    if (bits.compareTo(MIN) < 0) {
      return Long.MIN_VALUE;
    }
    return bits.longValueExact();
  }
}
