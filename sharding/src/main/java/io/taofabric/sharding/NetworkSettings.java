package io.taofabric.sharding;

import com.typesafe.config.Config;
import io.taofabric.core.emission.EmissionSchedule;
import io.taofabric.core.network.RegistryRules;
import java.time.Duration;

/**
 * How the network runs, from {@code taofabric.network} (read once): the block interval, the
 * subnet registry's rules, and how long a saga waits before repeating an unanswered step.
 *
 * @param blockInterval wall-clock time between blocks (12 s as on Bittensor; shorter for demos and tests)
 * @param registry how many subnets, each one's emission share, and the lock cost
 * @param retryAfter how long a subnet, registry or settlement waits before asking again
 * @param askTimeout how long one entity waits for another's answer
 */
public record NetworkSettings(Duration blockInterval, RegistryRules registry, Duration retryAfter, Duration askTimeout) {
  /** Validates the durations. */
  public NetworkSettings {
    for (Duration d : new Duration[] {blockInterval, retryAfter, askTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("network durations must be positive, got " + d);
      }
    }
  }

  /** The settings under {@code taofabric.network} of {@code root}. */
  public static NetworkSettings from(Config root) {
    Config c = root.getConfig("taofabric.network");
    int maxSubnets = c.getInt("max-subnets");
    return new NetworkSettings(
        c.getDuration("block-interval"),
        new RegistryRules(
            maxSubnets,
            EmissionSchedule.SHARE_SCALE / maxSubnets,
            c.getLong("min-lock-cost-rao"),
            c.getLong("lock-reduction-blocks")),
        c.getDuration("retry-after"),
        c.getDuration("ask-timeout"));
  }
}
