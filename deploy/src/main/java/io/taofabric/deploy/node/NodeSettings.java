package io.taofabric.deploy.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One cluster node's identity and the cluster-wide constants it must share with every other node,
 * from {@code taofabric.node} (documented in the deploy module's {@code reference.conf}).
 *
 * @param roles the node's cluster roles
 * @param host the host name or address the node binds and other nodes reach it at
 * @param port the cluster (Artery TCP) port; 0 takes a free one
 * @param seeds {@code host:port} of the seed nodes; empty: the node forms a cluster of its own
 * @param managementPort the port of the management HTTP endpoint on {@code host}; 0 takes a free one
 * @param numberOfShards shards per entity type, the same on every node for the life of the cluster
 * @param splitBrainStableAfter how long membership must be unchanged before the split brain
 *     resolver downs unreachable nodes
 */
public record NodeSettings(
    List<String> roles,
    String host,
    int port,
    List<String> seeds,
    int managementPort,
    int numberOfShards,
    Duration splitBrainStableAfter) {
  /** Above this, a shard table costs more than it balances; 10x a hundred-node cluster. */
  public static final int MAX_SHARDS = 10_000;

  private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+");
  private static final Pattern SEED = Pattern.compile("([A-Za-z0-9.-]+):(\\d{1,5})");
  private static final String LOOPBACK = "127.0.0.1";

  /** Validates the values; each message names the key (and so the flag) that is wrong. */
  public NodeSettings {
    roles = List.copyOf(roles);
    seeds = List.copyOf(seeds);
    for (String role : roles) {
      require(ROLE.matcher(role).matches(), "role must be lower-case letters, digits and -, got \"" + role + "\"");
    }
    require(HOST.matcher(host).matches(), "host must be a host name or IPv4 address, got \"" + host + "\"");
    requirePort("port", port, 0);
    for (String seed : seeds) {
      var hostPort = SEED.matcher(seed);
      require(hostPort.matches(), "seed must be host:port, got \"" + seed + "\"");
      requirePort("seed port", Integer.parseInt(hostPort.group(2)), 1);
    }
    requirePort("management-port", managementPort, 0);
    require(
        managementPort == 0 || managementPort != port,
        "management-port must differ from port, both are " + port);
    require(
        numberOfShards >= 1 && numberOfShards <= MAX_SHARDS,
        "number-of-shards must be from 1 to " + MAX_SHARDS + ", got " + numberOfShards);
    require(
        splitBrainStableAfter.compareTo(Duration.ofSeconds(1)) >= 0,
        "split-brain-stable-after must be at least 1s, got " + splitBrainStableAfter);
  }

  /**
   * The settings under {@code taofabric.node} of {@code root}.
   *
   * @throws IllegalArgumentException if a value is missing, of the wrong type or out of range
   */
  public static NodeSettings from(Config root) {
    try {
      Config c = root.getConfig("taofabric.node");
      return new NodeSettings(
          c.getStringList("roles"),
          c.getString("host"),
          integer(c, "port"),
          c.getStringList("seeds"),
          integer(c, "management-port"),
          integer(c, "number-of-shards"),
          c.getDuration("split-brain-stable-after"));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * These settings for a node that forms a cluster of its own on a free loopback port: the ledger
   * commands' node, which must never join (or be joined by) a running network.
   */
  public NodeSettings aloneOnLoopback() {
    return new NodeSettings(roles, LOOPBACK, 0, List.of(), 0, numberOfShards, splitBrainStableAfter);
  }

  /** An integer key, with a message that names the key (a flag's value arrives as a string). */
  private static int integer(Config c, String key) {
    String value = c.getValue(key).unwrapped().toString();
    if (!value.matches("-?\\d{1,9}")) {
      throw new IllegalArgumentException(key + " must be a whole number, got \"" + value + "\"");
    }
    return Integer.parseInt(value);
  }

  private static void requirePort(String name, int value, int min) {
    require(value >= min && value <= 65_535, name + " must be from " + min + " to 65535, got " + value);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
