package io.taofabric.core.participant;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to one validator. Each event holds everything its {@link ValidatorState#apply}
 * needs, results rather than inputs (moving averages, salts), so a replay never depends on
 * configuration or randomness.
 */
public sealed interface ValidatorEvent {
  /** The validator of {@code hotkey} in subnet {@code netuid} began its loop. */
  record ValidatorStarted(String hotkey, int netuid) implements ValidatorEvent {}

  /**
   * A round of scores was recorded at {@code block}.
   *
   * @param averages each scored hotkey's moving average after the round, millionths
   */
  record ScoresRecorded(Map<String, Long> averages, long block) implements ValidatorEvent {
    /** Copies the averages, in hotkey order. */
    public ScoresRecorded {
      averages = Collections.unmodifiableSortedMap(new TreeMap<>(averages));
    }
  }

  /** The subnet accepted weights set directly (commit–reveal off). */
  record WeightsSubmitted(List<Integer> uids, List<Integer> values, long block) implements ValidatorEvent {
    /** Copies the lists. */
    public WeightsSubmitted {
      uids = List.copyOf(uids);
      values = List.copyOf(values);
    }
  }

  /** The subnet accepted the hash of {@code commit}; its weights and salt wait to be revealed. */
  record WeightsCommitted(PendingCommit commit) implements ValidatorEvent {}

  /** The subnet accepted the reveal of the pending commit at {@code block}. */
  record WeightsRevealed(long block) implements ValidatorEvent {}
}
