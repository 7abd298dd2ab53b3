package io.taofabric.core.sim;

import io.taofabric.core.emission.BlockEmission;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run paid to whom, and the three figures that say whether useful work earned it.
 *
 * @param miners every miner: its strategy, the rao it earned over the run and its true quality
 * @param validators every validator: its stake and the rao it earned (dividends) over the run
 * @param honestShare emission to honest-model miners over all miner emission (owner and validators
 *     excluded; copycats and sybils are not honest)
 * @param spearman Spearman's correlation, over all miners, of the rao each earned (its summed
 *     incentive) and its true quality; ties take their mean rank
 * @param copierRatio the copier's dividends per staked rao over the honest validators' mean
 */
public record IntegrityReport(
    List<MinerResult> miners, List<ValidatorResult> validators, double honestShare, double spearman, double copierRatio) {

  /** One miner's result. */
  public record MinerResult(String hotkey, MinerKind kind, long emissionRao, double trueQuality) {}

  /** One validator's result; {@code stakeRao} is its stake at the start. */
  public record ValidatorResult(String hotkey, boolean copier, long stakeRao, long emissionRao) {
    /** Dividends per staked rao over the run. */
    public double dividendsPerStake() {
      return (double) emissionRao / stakeRao;
    }
  }

  public IntegrityReport {
    miners = List.copyOf(miners);
    validators = List.copyOf(validators);
  }

  /** The figures of {@code miners} and {@code validators}. */
  public static IntegrityReport of(List<MinerResult> miners, List<ValidatorResult> validators) {
    long total = 0;
    long honest = 0;
    double[] earned = new double[miners.size()];
    double[] quality = new double[miners.size()];
    for (int i = 0; i < miners.size(); i++) {
      MinerResult m = miners.get(i);
      total += m.emissionRao();
      honest += m.kind() == MinerKind.HONEST ? m.emissionRao() : 0;
      earned[i] = m.emissionRao();
      quality[i] = m.trueQuality();
    }
    double honestDividends = 0;
    int honestValidators = 0;
    double copier = Double.NaN;
    for (ValidatorResult v : validators) {
      if (v.copier()) {
        copier = v.dividendsPerStake();
      } else {
        honestDividends += v.dividendsPerStake();
        honestValidators++;
      }
    }
    double share = total == 0 ? Double.NaN : (double) honest / total;
    return new IntegrityReport(
        miners, validators, share, Spearman.of(earned, quality), copier / (honestDividends / honestValidators));
  }

  /** The share of miner emission each strategy earned. */
  public Map<MinerKind, Double> shareByKind() {
    Map<MinerKind, Long> byKind = new EnumMap<>(MinerKind.class);
    long total = 0;
    for (MinerResult m : miners) {
      byKind.merge(m.kind(), m.emissionRao(), Long::sum);
      total += m.emissionRao();
    }
    Map<MinerKind, Double> shares = new EnumMap<>(MinerKind.class);
    for (Map.Entry<MinerKind, Long> e : byKind.entrySet()) {
      shares.put(e.getKey(), total == 0 ? Double.NaN : (double) e.getValue() / total);
    }
    return shares;
  }

  /** The report as printed: miners, strategies, validators, then the three figures, last. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("miners (hotkey, strategy, emission TAO, true quality):");
    for (MinerResult m : miners) {
      lines.add(String.format(Locale.ROOT, "  %-26s %-14s %12.4f %8.4f",
          m.hotkey(), MinerMix.nameOf(m.kind()), (double) m.emissionRao() / BlockEmission.RAO_PER_TAO, m.trueQuality()));
    }
    lines.add("share of miner emission per strategy:");
    shareByKind().forEach((kind, share) ->
        lines.add(String.format(Locale.ROOT, "  %-14s %.4f", MinerMix.nameOf(kind), share)));
    lines.add("validators (hotkey, stake TAO, dividends TAO, dividends per stake):");
    for (ValidatorResult v : validators) {
      lines.add(String.format(Locale.ROOT, "  %-26s %10.1f %12.4f %.6f%s",
          v.hotkey(), (double) v.stakeRao() / BlockEmission.RAO_PER_TAO, (double) v.emissionRao() / BlockEmission.RAO_PER_TAO, v.dividendsPerStake(), v.copier() ? "  (weight copier)" : ""));
    }
    lines.addAll(figures(honestShare, spearman, copierRatio));
    return lines;
  }

  /**
   * The three figures of a network of several subnets, each the worst subnet's: the lowest honest
   * share and Spearman, the highest copier ratio.
   *
   * @throws IllegalArgumentException when {@code reports} is empty: a network has a subnet
   */
  public static List<String> worstFigures(List<IntegrityReport> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("the worst figures of no subnet are undefined");
    }
    double honest = Double.POSITIVE_INFINITY;
    double rank = Double.POSITIVE_INFINITY;
    double copier = Double.NEGATIVE_INFINITY;
    for (IntegrityReport r : reports) {
      honest = Math.min(honest, r.honestShare);
      rank = Math.min(rank, r.spearman);
      copier = Math.max(copier, r.copierRatio);
    }
    return figures(honest, rank, copier);
  }

  /** The three figures in the words the issue fixed, so scripts can find them. */
  private static List<String> figures(double honestShare, double spearman, double copierRatio) {
    return List.of(
        String.format(Locale.ROOT, "honest share of miner emission: %.4f", honestShare),
        String.format(Locale.ROOT, "spearman(incentive, true quality): %.4f", spearman),
        String.format(Locale.ROOT, "copier validator dividends per stake vs honest: %.4f", copierRatio));
  }
}
