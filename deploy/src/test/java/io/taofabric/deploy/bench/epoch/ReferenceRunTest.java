package io.taofabric.deploy.bench.epoch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReferenceRunTest {
  @Test
  void readsTheDriversOutput() throws IOException {
    ReferenceRun run =
        ReferenceModel.parse(
            "{\"epoch_ms\": [70.5, 71.5], \"incentive_bits\": [4294967296, 0], \"dividends_bits\": [1, 9223372036854775807]}\n");
    assertEquals(71.0, run.meanMs(), 1e-9);
    assertArrayEquals(new long[] {1L << 32, 0}, run.incentiveBits());
    assertArrayEquals(new long[] {1, Long.MAX_VALUE}, run.dividendsBits());
  }

  @Test
  void refusesOutputWithoutTheFieldsOrWithFractions() {
    assertThrows(IOException.class, () -> ReferenceModel.parse("{\"epoch_ms\": [1.0]}"));
    assertThrows(IOException.class, () -> ReferenceModel.parse(""));
    assertThrows(
        IOException.class,
        () -> ReferenceModel.parse("{\"epoch_ms\": [1], \"incentive_bits\": [0.5], \"dividends_bits\": [0]}"));
  }

  @Test
  void agreesOnlyWhenEveryBitIsEqual() {
    ReferenceRun run = new ReferenceRun(new double[] {1}, new long[] {5, 6, 7}, new long[] {1, 2, 3});
    ReferenceRun.Agreement same = run.agreementWith(new long[] {5, 6, 7}, new long[] {1, 2, 3});
    assertTrue(same.agrees());
    assertEquals("incentive and dividends agree (3 UIDs, bit for bit)", same.description());

    ReferenceRun.Agreement differs = run.agreementWith(new long[] {5, 6, 7}, new long[] {1, 0, 4});
    assertFalse(differs.agrees());
    assertEquals(
        "DIFFER from the reference: dividends at 2 UIDs (first UID 1: engine 0, reference 2)", differs.description());
    assertFalse(run.agreementWith(new long[] {5, 6}, new long[] {1, 2, 3}).agrees());
  }
}
