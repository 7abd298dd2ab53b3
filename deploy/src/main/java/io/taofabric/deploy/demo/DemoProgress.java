package io.taofabric.deploy.demo;

import io.taofabric.core.emission.BlockEmission;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The demo's progress line: the block, each subnet's epochs (out of those it is to run, if it is to
 * stop), and the emission paid so far. On a terminal one line is rewritten in place; otherwise (a file, a pipe)
 * a line is printed each time an epoch ends, so a log keeps one line per epoch instead of a line
 * per round.
 */
final class DemoProgress {
  private final PrintWriter out;
  private final boolean terminal;
  private final OptionalInt epochs;
  private SortedMap<Integer, Long> shownEpochs = new TreeMap<>();
  private String shown = "";

  /** Progress towards {@code epochs} epochs per subnet, if any, printed to {@code out}, a terminal or not. */
  DemoProgress(PrintWriter out, boolean terminal, OptionalInt epochs) {
    this.out = out;
    this.terminal = terminal;
    this.epochs = epochs;
  }

  /**
   * Shows the network at {@code block}: each subnet's epochs so far by netuid, and the emission paid
   * so far, rao.
   */
  void show(long block, SortedMap<Integer, Long> done, long paidRao) {
    String line = line(block, done, epochs, paidRao);
    if (terminal) {
      // blanks cover what is left of a longer line before
      out.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
      out.flush();
      shown = line;
    } else if (!done.equals(shownEpochs)) {
      out.println(line);
      out.flush();
      shownEpochs = new TreeMap<>(done);
    }
  }

  /** Ends a line rewritten in place, so that what follows starts on a line of its own. */
  void finish() {
    if (terminal && !shown.isEmpty()) {
      out.println();
      out.flush();
      shown = "";
    }
  }

  /**
   * {@code block 131 | epochs sn1 3/5, sn2 2/5 | emission paid 13.734693877 TAO}, or without
   * {@code epochs} {@code block 131 | epochs sn1 3, sn2 2 | ...}.
   */
  static String line(long block, SortedMap<Integer, Long> done, OptionalInt epochs, long paidRao) {
    String of = epochs.isPresent() ? "/" + epochs.getAsInt() : "";
    return String.format(
        Locale.ROOT,
        "block %d | epochs %s | emission paid %s TAO",
        block,
        done.entrySet().stream().map(e -> "sn" + e.getKey() + " " + e.getValue() + of).collect(Collectors.joining(", ")),
        tao(paidRao));
  }

  /** {@code rao} as TAO with every digit: {@code 13.734693877}. */
  static String tao(long rao) {
    return String.format(Locale.ROOT, "%d.%09d", rao / BlockEmission.RAO_PER_TAO, rao % BlockEmission.RAO_PER_TAO);
  }
}
