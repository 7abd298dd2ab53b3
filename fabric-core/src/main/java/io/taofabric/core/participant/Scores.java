package io.taofabric.core.participant;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A validator's scoring arithmetic in integers, so every replica and every replay agrees to the
 * unit: scores are millionths of a perfect answer, and moving averages follow {@code avg' = (α·s +
 * (1−α)·avg) / 10^6}, rounded half up, starting from 0 as Bittensor's validator template does.
 */
public final class Scores {
  /** A perfect score, and the scale of α: one million millionths. */
  public static final long SCALE = 1_000_000;

  /** The most miners one round may score: more than a subnet's UIDs would ever need. */
  public static final int MAX_PER_ROUND = 4_096;

  /** The longest hotkey accepted, in characters (an SS58 address is 48). */
  public static final int MAX_HOTKEY_LENGTH = 64;

  private Scores() {}

  /** Why {@code alphaMillionths} cannot weigh a new score, or null. */
  public static String alphaRefusal(long alphaMillionths) {
    return alphaMillionths > 0 && alphaMillionths <= SCALE
        ? null
        : "the score moving average's alpha must be in (0, " + SCALE + "] millionths, got " + alphaMillionths;
  }

  /**
   * {@code scores} as millionths in hotkey order, or the reason the round is refused: too many
   * entries, a hotkey that is not one, or a score that is not a number in [0, 1].
   */
  public static Converted millionths(Map<String, Double> scores) {
    if (scores == null || scores.isEmpty()) {
      return Converted.refused("no scores to record");
    }
    if (scores.size() > MAX_PER_ROUND) {
      return Converted.refused(scores.size() + " scores in one round, at most " + MAX_PER_ROUND + " are recorded");
    }
    SortedMap<String, Long> out = new TreeMap<>();
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      String problem = hotkeyRefusal(e.getKey());
      if (problem == null) {
        problem = scoreRefusal(e.getKey(), e.getValue());
      }
      if (problem != null) {
        return Converted.refused(problem);
      }
      out.put(e.getKey(), Math.round(e.getValue() * SCALE));
    }
    return new Converted(out, null);
  }

  /** The moving average after {@code sample} (millionths) joins {@code previous} with weight α. */
  public static long nextAverage(long previous, long sample, long alphaMillionths) {
    return (alphaMillionths * sample + (SCALE - alphaMillionths) * previous + SCALE / 2) / SCALE;
  }

  /** Scores converted to millionths, or the refusal (then {@code millionths} is null). */
  public record Converted(SortedMap<String, Long> millionths, String refusal) {
    static Converted refused(String refusal) {
      return new Converted(null, refusal);
    }
  }

  private static String hotkeyRefusal(String hotkey) {
    if (hotkey == null || hotkey.isBlank()) {
      return "a score names no hotkey";
    }
    if (hotkey.length() > MAX_HOTKEY_LENGTH) {
      return "hotkey '" + hotkey.substring(0, 16) + "…' is longer than " + MAX_HOTKEY_LENGTH + " characters";
    }
    for (int i = 0; i < hotkey.length(); i++) {
      char c = hotkey.charAt(i);
      if (c <= ' ' || c == '/' || Character.isISOControl(c)) {
        return "hotkey '" + hotkey + "' is not in a known format: no spaces, controls or '/'";
      }
    }
    return null;
  }

  private static String scoreRefusal(String hotkey, Double score) {
    if (score == null || score.isNaN() || score.isInfinite()) {
      return "the score of " + hotkey + " is " + score + ", not a number";
    }
    if (score < 0 || score > 1) {
      return "the score of " + hotkey + " is " + score + ", outside [0, 1]";
    }
    return null;
  }
}
