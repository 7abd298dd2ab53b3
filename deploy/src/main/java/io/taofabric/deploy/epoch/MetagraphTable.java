package io.taofabric.deploy.epoch;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.fixed.Fixed;
import io.taofabric.core.yuma.EpochResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** A metagraph table in the style of btcli's, for people rather than programs. */
public final class MetagraphTable {
  private static final String ROW = "%5s %14s %9s %9s %9s %9s %14s %7s %6s  %s%n";

  private MetagraphTable() {}

  /**
   * Prints one row per UID and a summary line.
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
    out.println(title);
    out.printf(
        Locale.ROOT, ROW, "UID", "STAKE(τ)", "CONSENSUS", "INCENTIVE", "DIVIDENDS", "VTRUST",
        "EMISSION(ρ)", "VPERMIT", "ACTIVE", "HOTKEY");
    long totalStake = 0;
    long totalEmission = 0;
    int permits = 0;
    for (int uid = 0; uid < r.emission().length; uid++) {
      totalStake += stakeRao[uid];
      totalEmission += r.emission()[uid];
      permits += r.validatorPermit()[uid] ? 1 : 0;
      out.printf(
          Locale.ROOT,
          ROW,
          uid,
          tao(stakeRao[uid]),
          proportion(consensus[uid]),
          proportion(incentive[uid]),
          proportion(dividends[uid]),
          proportion(trust[uid]),
          r.emission()[uid],
          r.validatorPermit()[uid] ? "*" : "",
          r.active()[uid] ? "*" : "",
          hotkeys == null ? "" : hotkeys.get(uid));
    }
    out.printf(
        Locale.ROOT,
        "%d UIDs, %d validator permits, stake %s τ, emission %d ρ%n",
        r.emission().length,
        permits,
        tao(totalStake),
        totalEmission);
  }

  private static String proportion(int u16) {
    return String.format(Locale.ROOT, "%.5f", u16 / (double) Fixed.U16_MAX);
  }

  private static String tao(long rao) {
    return String.format(
        Locale.ROOT, "%d.%04d", rao / BlockEmission.RAO_PER_TAO, rao % BlockEmission.RAO_PER_TAO / 100_000);
  }
}
