package io.taofabric.deploy.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pekko settings of a cluster node, from its {@link NodeSettings}: the one place that says how
 * every taofabric node (a network node or the ledger commands' one-node cluster) runs its cluster.
 */
final class NodeConfig {
  private NodeConfig() {}

  /** The settings to lay over the node's base configuration; {@code systemName} is in seed addresses. */
  static Config of(String systemName, NodeSettings node) {
    List<String> seedAddresses = new ArrayList<>();
    for (String seed : node.seeds()) {
      seedAddresses.add("pekko://" + systemName + "@" + seed);
    }
    return ConfigFactory.empty()
        .withValue("pekko.actor.provider", value("cluster"))
        .withValue("pekko.remote.artery.transport", value("tcp"))
        .withValue("pekko.remote.artery.canonical.hostname", value(node.host()))
        .withValue("pekko.remote.artery.canonical.port", value(node.port()))
        .withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seedAddresses))
        .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(node.roles()))
        // Downing is what keeps one writer per entity: after a partition the side with the
        // majority (on an even split, the side with the lowest address) downs the other, which
        // stops itself, so no shard ever runs on both sides.
        .withValue(
            "pekko.cluster.downing-provider-class",
            value("org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"))
        .withValue("pekko.cluster.split-brain-resolver.active-strategy", value("keep-majority"))
        .withValue(
            "pekko.cluster.split-brain-resolver.stable-after",
            value(node.splitBrainStableAfter().toMillis() + "ms"))
        // Pekko refuses a node whose value differs from the cluster's when it joins
        .withValue("pekko.cluster.sharding.number-of-shards", value(node.numberOfShards()))
        // several nodes may share one JVM (tests, the one-machine demo); each gets its own MBean
        .withValue("pekko.cluster.jmx.multi-mbeans-in-same-jvm", value("on"))
        // the command decides how the process ends (exit status 1 if the node was downed)
        .withValue("pekko.coordinated-shutdown.exit-jvm", value("off"))
        .withValue("pekko.management.http.hostname", value(node.host()))
        .withValue("pekko.management.http.port", value(node.managementPort()))
        .withValue("pekko.management.health-checks.readiness-path", value("health/ready"))
        .withValue("pekko.management.health-checks.liveness-path", value("health/alive"));
  }

  private static ConfigValue value(Object v) {
    return ConfigValueFactory.fromAnyRef(v, "taofabric.node");
  }
}
