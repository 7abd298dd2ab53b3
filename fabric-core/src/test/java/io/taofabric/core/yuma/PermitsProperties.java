package io.taofabric.core.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Permits agree with the reference's definition: a stable ascending sort of the UIDs by value. */
class PermitsProperties {

  @Property(tries = 2000)
  void shouldDemoteTheSmallestLowerUidsFirst(
      @ForAll("values") long[] values, @ForAll @IntRange(min = 0, max = 40) int k) {
    boolean[] expected = new boolean[values.length];
    Arrays.fill(expected, true);
    Integer[] order = new Integer[values.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(values[a], values[b]));
    for (int t = 0; t < values.length - k; t++) {
      expected[order[t]] = false;
    }
    assertArrayEquals(expected, DenseKernels.topK(values, k));
  }

  @Provide
  Arbitrary<long[]> values() {
    // few distinct values, so that ties decide most cases
    Arbitrary<Long> value =
        Arbitraries.oneOf(Arbitraries.longs().between(-3, 3), Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE));
    return value.array(long[].class).ofMaxSize(40);
  }
}
