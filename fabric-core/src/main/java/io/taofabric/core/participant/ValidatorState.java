package io.taofabric.core.participant;

import static io.taofabric.core.fixed.Fixed.fromInt;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.participant.ValidatorEvent.ScoresRecorded;
import io.taofabric.core.participant.ValidatorEvent.ValidatorStarted;
import io.taofabric.core.participant.ValidatorEvent.WeightsCommitted;
import io.taofabric.core.participant.ValidatorEvent.WeightsRevealed;
import io.taofabric.core.participant.ValidatorEvent.WeightsSubmitted;
import io.taofabric.core.participant.WeightsAction.Nothing;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.WeightCommits;
import io.taofabric.core.subnet.WeightNormalization;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One validator's own record: its moving average of every miner's score, the weights the subnet
 * last accepted from it, and a commit waiting to be revealed. Immutable: {@link #apply} returns a
 * new state. The decisions ({@link #start}, {@link #recordScores}, {@link #nextAction}) change
 * nothing; the subnet's rule book stays the judge of weights, this one only avoids sending what
 * the subnet would refuse.
 *
 * @param averages moving average per miner hotkey, millionths
 * @param lastWeights the weights last accepted, or null
 * @param pending the commit to reveal, or null
 * @param block the latest block an event was recorded at
 */
public record ValidatorState(
    String hotkey,
    int netuid,
    boolean started,
    SortedMap<String, Long> averages,
    SubmittedWeights lastWeights,
    PendingCommit pending,
    long block) {

  /** Bittensor's salts are 8 u16s. */
  static final int SALT_BYTES = 16;

  /** Copies the averages. */
  public ValidatorState {
    averages = Collections.unmodifiableSortedMap(new TreeMap<>(averages));
  }

  /** A validator that has not started: no scores, no weights. */
  public static ValidatorState initial(String hotkey, int netuid) {
    return new ValidatorState(hotkey, netuid, false, new TreeMap<>(), null, null, 0);
  }

  /** Starting in subnet {@code netuid}: accepted once, acknowledged again, refused for another subnet. */
  public Decision<ValidatorEvent> start(int netuid) {
    if (netuid != this.netuid) {
      return Decision.reject("validator " + hotkey + " belongs to subnet " + this.netuid + ", not " + netuid);
    }
    return started ? new Decision.AlreadyApplied<>() : Decision.accept(new ValidatorStarted(hotkey, netuid));
  }

  /**
   * A round of {@code scores} (each in [0, 1]) observed at {@code block}, folded into the moving
   * averages with weight {@code alphaMillionths}; refused whole if any entry is wrong.
   */
  public Decision<ValidatorEvent> recordScores(Map<String, Double> scores, long block, long alphaMillionths) {
    String problem = Scores.alphaRefusal(alphaMillionths);
    if (problem != null) {
      return Decision.reject(problem);
    }
    Scores.Converted converted = Scores.millionths(scores);
    if (converted.refusal() != null) {
      return Decision.reject(converted.refusal());
    }
    SortedMap<String, Long> next = new TreeMap<>();
    converted.millionths().forEach((k, s) -> next.put(k, Scores.nextAverage(averages.getOrDefault(k, 0L), s, alphaMillionths)));
    return Decision.accept(new ScoresRecorded(next, Math.max(block, this.block)));
  }

  /**
   * What to do with weights now, given the subnet's {@code metagraph} and weights {@code rules}:
   * reveal a pending commit once its delay has passed; otherwise, if the validator holds a permit
   * and the rate limit allows, set (or commit to, with a salt from {@code random}) weights on the
   * miners of the metagraph it has scored above zero.
   */
  public WeightsAction nextAction(Metagraph metagraph, WeightsRules rules, SecureRandom random) {
    if (!started) {
      return new Nothing("not started");
    }
    Metagraph.Row self = rowOf(metagraph);
    if (self == null) {
      return new Nothing(hotkey + " is not registered in subnet " + netuid);
    }
    if (!self.validatorPermit()) {
      return new Nothing(hotkey + " holds no validator permit");
    }
    long now = metagraph.block();
    if (rules.commitReveal() && pending != null) {
      long revealFrom = pending.block() + rules.revealDelayBlocks();
      if (now < revealFrom) {
        return new Nothing("the commit of block " + pending.block() + " may be revealed from block " + revealFrom);
      }
      if (now < revealFrom + rules.revealWindowBlocks()) {
        return new WeightsAction.Reveal(hotkey, pending, now);
      }
    }
    long last = Math.max(self.lastUpdate(), lastWeights == null ? 0 : lastWeights.block());
    if (last != 0 && now - last < rules.rateLimitBlocks()) {
      return new Nothing("weights were submitted at block " + last + "; the next may go at block " + (last + rules.rateLimitBlocks()));
    }
    SubmittedWeights weights = weightsAt(metagraph, self.uid());
    if (weights.uids().isEmpty()) {
      return new Nothing("no miner in the metagraph has a score above zero");
    }
    if (!rules.commitReveal()) {
      return new WeightsAction.Set(hotkey, weights);
    }
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    String hash = WeightCommits.hash(hotkey, netuid, ints(weights.uids()), ints(weights.values()), salt);
    return new WeightsAction.Commit(hotkey, new PendingCommit(weights.uids(), weights.values(), salt, hash, now));
  }

  /** The state after {@code event}, one of these decisions produced or the journal holds. */
  public ValidatorState apply(ValidatorEvent event) {
    if (event instanceof ValidatorStarted) {
      return new ValidatorState(hotkey, netuid, true, averages, lastWeights, pending, block);
    } else if (event instanceof ScoresRecorded e) {
      SortedMap<String, Long> next = new TreeMap<>(averages);
      next.putAll(e.averages());
      return new ValidatorState(hotkey, netuid, started, next, lastWeights, pending, Math.max(block, e.block()));
    } else if (event instanceof WeightsSubmitted e) {
      // weights set directly supersede a commit left over from before commit–reveal was switched off
      return new ValidatorState(
          hotkey, netuid, started, averages, new SubmittedWeights(e.uids(), e.values(), e.block()), null, Math.max(block, e.block()));
    } else if (event instanceof WeightsCommitted e) {
      return new ValidatorState(hotkey, netuid, started, averages, lastWeights, e.commit(), Math.max(block, e.commit().block()));
    }
    WeightsRevealed e = (WeightsRevealed) event;
    SubmittedWeights revealed = new SubmittedWeights(pending.uids(), pending.values(), e.block());
    return new ValidatorState(hotkey, netuid, started, averages, revealed, null, Math.max(block, e.block()));
  }

  /** The moving average of {@code minerHotkey}, millionths; 0 if never scored. */
  public long averageOf(String minerHotkey) {
    return averages.getOrDefault(minerHotkey, 0L);
  }

  private Metagraph.Row rowOf(Metagraph metagraph) {
    for (Metagraph.Row row : metagraph.neurons()) {
      if (row.hotkey().equals(hotkey)) {
        return row;
      }
    }
    return null;
  }

  /**
   * Weights on every other UID whose hotkey has a positive average, max-upscaled to u16 as the
   * subnet stores them. Max-upscaling ignores scale, so normalising the averages to a sum of 1
   * first would only add rounding; UIDs whose weight rounds to 0 are left out, as Bittensor's
   * {@code convert_weights_and_uids_for_emit} does.
   */
  private SubmittedWeights weightsAt(Metagraph metagraph, int selfUid) {
    List<Integer> uids = new ArrayList<>();
    List<Long> averaged = new ArrayList<>();
    for (Metagraph.Row row : metagraph.neurons()) {
      long average = averageOf(row.hotkey());
      if (row.uid() != selfUid && average > 0) {
        uids.add(row.uid());
        averaged.add(fromInt(average));
      }
    }
    int[] upscaled = WeightNormalization.maxUpscale(averaged.stream().mapToLong(Long::longValue).toArray());
    List<Integer> targets = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < upscaled.length; i++) {
      if (upscaled[i] > 0) {
        targets.add(uids.get(i));
        values.add(upscaled[i]);
      }
    }
    return new SubmittedWeights(targets, values, metagraph.block());
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
