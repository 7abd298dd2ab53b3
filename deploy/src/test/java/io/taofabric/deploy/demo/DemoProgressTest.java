package io.taofabric.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DemoProgressTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Nested
  class Line {
    @Test
    void shouldShowTheBlockEachSubnetsEpochsAndEveryDigitOfTheEmission() {
      assertEquals(
          "block 131 | epochs sn1 3/5, sn2 2/5 | emission paid 13.734693877 TAO",
          DemoProgress.line(131, new TreeMap<>(Map.of(1, 3L, 2, 2L)), OptionalInt.of(5), 13_734_693_877L));
    }

    @Test
    void shouldCountEpochsOnWithoutATarget() {
      assertEquals(
          "block 7 | epochs sn1 12 | emission paid 0.000000005 TAO", DemoProgress.line(7, epochs(12), OptionalInt.empty(), 5));
    }
  }

  @Nested
  class OnATerminal {
    @Test
    void shouldRewriteOneLineAndBlankWhatALongerOneLeft() {
      DemoProgress progress = new DemoProgress(out, true, OptionalInt.of(5));

      progress.show(100, epochs(3), 10_000_000_000L);
      progress.show(101, epochs(3), 0);
      progress.finish();

      String first = "block 100 | epochs sn1 3/5 | emission paid 10.000000000 TAO";
      String second = "block 101 | epochs sn1 3/5 | emission paid 0.000000000 TAO";
      assertEquals("\r" + first + "\r" + second + " \n", text.toString());
    }

    @Test
    void shouldEndNoLineItDidNotStart() {
      new DemoProgress(out, true, OptionalInt.of(5)).finish();

      assertEquals("", text.toString());
    }
  }

  @Nested
  class ElsewhereThanOnATerminal {
    @Test
    void shouldPrintALineOnlyWhenAnEpochEnds() {
      DemoProgress progress = new DemoProgress(out, false, OptionalInt.of(5));

      progress.show(100, epochs(3), 1);
      progress.show(101, epochs(3), 1);
      progress.show(121, epochs(4), 2);
      progress.finish();

      assertEquals(
          "block 100 | epochs sn1 3/5 | emission paid 0.000000001 TAO\n"
              + "block 121 | epochs sn1 4/5 | emission paid 0.000000002 TAO\n",
          text.toString().replace(System.lineSeparator(), "\n"));
    }
  }

  private static SortedMap<Integer, Long> epochs(long subnetOne) {
    return new TreeMap<>(Map.of(1, subnetOne));
  }
}
