package io.taofabric.core.subnet;

import java.util.HashSet;
import java.util.Set;

/**
 * The checks a weights transaction passes before it reaches the subnet state (spec §6), in the
 * reference's order; the first failing check is the answer. A pure function of the subnet state.
 *
 * @param rateLimitBlocks blocks between two weights transactions of one UID
 * @param minAllowedWeights the fewest weights a row may have (a self-weight is exempt)
 * @param stakeThreshold the least stake, rao, a validator needs to set weights (the owner is exempt)
 */
public record WeightsPolicy(long rateLimitBlocks, int minAllowedWeights, long stakeThreshold) {

  /** Mainnet's values for a new subnet: 100 blocks, at least 1 weight, no stake threshold. */
  public static final WeightsPolicy DEFAULTS = new WeightsPolicy(100, 1, 0);

  /** Validates ranges. */
  public WeightsPolicy {
    if (rateLimitBlocks < 0 || minAllowedWeights < 0 || stakeThreshold < 0) {
      throw new IllegalArgumentException("weights policy values must not be negative");
    }
  }

  /**
   * Why {@code uid}'s transaction setting {@code values} on {@code targets} at {@code block} is
   * refused, or {@code null} when it may be applied.
   */
  public String refusal(SubnetState state, int uid, int[] targets, int[] values, long block) {
    return refusal(state, uid, targets, values, block, true);
  }

  /**
   * Why revealing {@code values} on {@code targets} for {@code uid} is refused, or {@code null}:
   * every check but the rate limit, which the reveal's commit already passed.
   */
  public String revealRefusal(SubnetState state, int uid, int[] targets, int[] values) {
    return refusal(state, uid, targets, values, 0, false);
  }

  /** Why a weights transaction (or commit) of {@code caller} at {@code block} is too soon, or null. */
  public String rateLimitRefusal(Neuron caller, long block) {
    if (caller.lastUpdate() != 0 && block - caller.lastUpdate() < rateLimitBlocks) {
      return "weights were set at block " + caller.lastUpdate() + "; the next may come at block "
          + (caller.lastUpdate() + rateLimitBlocks);
    }
    return null;
  }

  private String refusal(
      SubnetState state, int uid, int[] targets, int[] values, long block, boolean rateLimited) {
    int n = state.size();
    if (targets.length != values.length) {
      return "uids and values differ in length (" + targets.length + " and " + values.length + ")";
    }
    if (targets.length > n) {
      return targets.length + " weights for a subnet of " + n + " UIDs";
    }
    if (uid < 0 || uid >= n) {
      return "uid " + uid + " is not registered";
    }
    Neuron caller = state.neurons().get(uid);
    boolean owner = state.params().isOwner(uid);
    if (!owner && state.stakeOf(uid) < stakeThreshold) {
      return "stake " + state.stakeOf(uid) + " rao is below the threshold of " + stakeThreshold;
    }
    String tooSoon = rateLimited ? rateLimitRefusal(caller, block) : null;
    if (tooSoon != null) {
      return tooSoon;
    }
    boolean selfWeight = targets.length == 1 && targets[0] == uid;
    if (!caller.validatorPermit() && !owner && !selfWeight) {
      return "uid " + uid + " has no validator permit";
    }
    Set<Integer> seen = new HashSet<>();
    for (int target : targets) {
      if (!seen.add(target)) {
        return "uid " + target + " appears twice";
      }
      if (target < 0 || target >= n) {
        return "uid " + target + " does not exist";
      }
    }
    for (int v : values) {
      if (v < 0 || v > 65_535) {
        return "weight " + v + " is not a u16";
      }
    }
    if (!selfWeight && targets.length < Math.min(minAllowedWeights, n)) {
      return targets.length + " weights, at least " + Math.min(minAllowedWeights, n) + " are required";
    }
    return null;
  }
}
