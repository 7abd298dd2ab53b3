package io.taofabric.deploy.epoch;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.fixed.Fixed;
import io.taofabric.core.yuma.EpochResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A metagraph table in the style of btcli's, for people rather than programs: the numeric columns
 * every metagraph has, then text columns that depend on what the table shows.
 */
public final class MetagraphTable {
  private static final String NUMBERS = "%5s %14s %9s %9s %9s %9s %14s %7s";

  private MetagraphTable() {}

  /**
   * One UID's row. Proportions are u16 ({@code v / 65535}), stake and emission rao.
   *
   * @param labels the row's text columns, in the table's order
   */
  public record Row(
      int uid,
      long stakeRao,
      int consensus,
      int incentive,
      int dividends,
      int validatorTrust,
      long emissionRao,
      boolean validatorPermit,
      List<String> labels) {
    public Row {
      labels = List.copyOf(labels);
    }
  }

  /**
   * Prints an epoch's result, one row per UID with whether it is active and its hotkey, and a
   * summary line.
   *
   * @param title what the table shows (subnet, block)
   * @param hotkeys each UID's hotkey, or {@code null} when unknown
   * @param stakeRao each UID's stake, rao
   */
  public static void print(
      PrintWriter out, String title, EpochResult r, List<String> hotkeys, long[] stakeRao) {
    int[] consensus = EpochResult.toU16(r.consensus());
    int[] incentive = EpochResult.toU16(r.incentive());
    int[] dividends = EpochResult.toU16(r.dividends());
    int[] trust = EpochResult.toU16(r.validatorTrust());
    List<Row> rows = new ArrayList<>(r.emission().length);
    for (int uid = 0; uid < r.emission().length; uid++) {
      rows.add(
          new Row(
              uid,
              stakeRao[uid],
              consensus[uid],
              incentive[uid],
              dividends[uid],
              trust[uid],
              r.emission()[uid],
              r.validatorPermit()[uid],
              List.of(r.active()[uid] ? "*" : "", hotkeys == null ? "" : hotkeys.get(uid))));
    }
    print(out, title, List.of("ACTIVE", "HOTKEY"), rows);
  }

  /**
   * Prints {@code rows} in the order given, their text columns headed by {@code labelHeaders}, and
   * a summary line.
   */
  public static void print(PrintWriter out, String title, List<String> labelHeaders, List<Row> rows) {
    int[] widths = new int[labelHeaders.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = labelHeaders.get(c).length();
      for (Row row : rows) {
        widths[c] = Math.max(widths[c], row.labels().get(c).length());
      }
    }
    out.println(title);
    out.println(
        line(
            String.format(Locale.ROOT, NUMBERS, "UID", "STAKE(τ)", "CONSENSUS", "INCENTIVE", "DIVIDENDS", "VTRUST", "EMISSION(ρ)", "VPERMIT"),
            labelHeaders,
            widths));
    long totalStake = 0;
    long totalEmission = 0;
    int permits = 0;
    for (Row row : rows) {
      totalStake += row.stakeRao();
      totalEmission += row.emissionRao();
      permits += row.validatorPermit() ? 1 : 0;
      String numbers =
          String.format(
              Locale.ROOT,
              NUMBERS,
              row.uid(),
              tao(row.stakeRao()),
              proportion(row.consensus()),
              proportion(row.incentive()),
              proportion(row.dividends()),
              proportion(row.validatorTrust()),
              row.emissionRao(),
              row.validatorPermit() ? "*" : "");
      out.println(line(numbers, row.labels(), widths));
    }
    out.printf(
        Locale.ROOT,
        "%d UIDs, %d validator permits, stake %s τ, emission %d ρ%n",
        rows.size(),
        permits,
        tao(totalStake),
        totalEmission);
  }

  /** The numeric columns, then each text column left-aligned in its width; no trailing blanks. */
  private static String line(String numbers, List<String> labels, int[] widths) {
    StringBuilder line = new StringBuilder(numbers);
    for (int c = 0; c < labels.size(); c++) {
      line.append("  ").append(labels.get(c));
      if (c < labels.size() - 1) {
        line.append(" ".repeat(widths[c] - labels.get(c).length()));
      }
    }
    return line.toString().stripTrailing();
  }

  private static String proportion(int u16) {
    return String.format(Locale.ROOT, "%.5f", u16 / (double) Fixed.U16_MAX);
  }

  private static String tao(long rao) {
    return String.format(
        Locale.ROOT, "%d.%04d", rao / BlockEmission.RAO_PER_TAO, rao % BlockEmission.RAO_PER_TAO / 100_000);
  }
}
