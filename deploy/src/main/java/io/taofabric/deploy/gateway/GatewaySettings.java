package io.taofabric.deploy.gateway;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.taofabric.core.tx.NonceFreshness;
import io.taofabric.core.tx.RateLimit;
import io.taofabric.deploy.node.NodeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A node's gateway, from {@code taofabric.gateway} (documented in the deploy module's {@code
 * reference.conf}).
 *
 * @param port the HTTP port on the node's host; 0: no gateway
 * @param maxBodyBytes the largest request body; a larger one is answered 413 unread
 * @param askTimeout how long the gateway waits for an entity before answering 503
 * @param nonceFreshness how far a transaction's nonce may be from this node's clock; also how
 *     long an accepted id is remembered
 * @param rateLimit each signer's token bucket
 * @param acceptedIdsCapacity the most transaction ids remembered at once
 * @param maxInFlight the most transactions worked on at once; more are answered 503 at once
 * @param readJournal the read journal plugin the epoch history reads settlement records through
 * @param watchInterval how often the settlement metrics are brought up to date
 * @param query how client queries are routed
 */
public record GatewaySettings(
    int port,
    int maxBodyBytes,
    Duration askTimeout,
    NonceFreshness nonceFreshness,
    RateLimit rateLimit,
    int acceptedIdsCapacity,
    int maxInFlight,
    String readJournal,
    Duration watchInterval,
    Query query) {
  /**
   * How client queries are routed.
   *
   * @param topMiners how many of the best miners by incentive are asked
   * @param timeout how long they have to answer
   * @param queue how many queries may wait for the gateway's one round at a time; more are 503
   * @param walletPath the directory of wallets holding the signing hotkeys
   * @param wallet the wallet whose hotkeys sign queries; empty: none
   * @param hotkeys which of its hotkeys; empty: all
   * @param demoKeys also sign as the demonstration network's validators, whose keys anyone can derive
   */
  public record Query(
      int topMiners, Duration timeout, int queue, Path walletPath, String wallet, List<String> hotkeys, boolean demoKeys) {
    /** Validates the ranges and copies the hotkey names. */
    public Query {
      hotkeys = List.copyOf(hotkeys);
      require(topMiners >= 1 && topMiners <= 64, "query.top-miners must be from 1 to 64, got " + topMiners);
      require(!timeout.isNegative() && !timeout.isZero(), "query.timeout must be positive, got " + timeout);
      require(queue >= 1, "query.queue must be positive, got " + queue);
    }
  }

  /** Validates the ranges. */
  public GatewaySettings {
    require(port >= 0 && port <= 65_535, "gateway port must be from 0 to 65535, got " + port);
    require(maxBodyBytes >= 1_024, "gateway max-body-bytes must be at least 1024, got " + maxBodyBytes);
    require(!askTimeout.isNegative() && !askTimeout.isZero(), "gateway ask-timeout must be positive, got " + askTimeout);
    require(acceptedIdsCapacity >= 1, "gateway accepted-ids-capacity must be positive, got " + acceptedIdsCapacity);
    require(maxInFlight >= 1, "gateway max-in-flight must be positive, got " + maxInFlight);
    require(!watchInterval.isNegative() && !watchInterval.isZero(), "gateway watch-interval must be positive, got " + watchInterval);
  }

  /**
   * The settings under {@code taofabric.gateway} of {@code root}, for a node with {@code node}'s
   * ports.
   *
   * @throws IllegalArgumentException if a value is missing, of the wrong type, out of range, or the
   *     port is one the node already uses
   */
  public static GatewaySettings from(Config root, NodeSettings node) {
    GatewaySettings settings;
    try {
      Config c = root.getConfig("taofabric.gateway");
      Config q = c.getConfig("query");
      Config limit = c.getConfig("rate-limit");
      settings =
          new GatewaySettings(
              integer(c, "port"),
              c.getBytes("max-body-bytes").intValue(),
              c.getDuration("ask-timeout"),
              new NonceFreshness(c.getDuration("nonce-tolerance").toNanos() / 1_000),
              new RateLimit(limit.getInt("burst"), limit.getDuration("refill").toNanos() / 1_000),
              c.getInt("accepted-ids-capacity"),
              c.getInt("max-in-flight"),
              c.getString("read-journal"),
              c.getDuration("watch-interval"),
              new Query(
                  q.getInt("top-miners"),
                  q.getDuration("timeout"),
                  q.getInt("queue"),
                  Path.of(q.getString("wallet-path")),
                  q.getString("wallet"),
                  q.getStringList("hotkeys"),
                  q.getBoolean("demo-keys")));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    require(
        settings.port() == 0 || (settings.port() != node.port() && settings.port() != node.managementPort()),
        "gateway-port must differ from port and management-port, got " + settings.port());
    return settings;
  }

  /** Whether this node serves a gateway. */
  public boolean enabled() {
    return port != 0;
  }

  /** An integer key, with a message that names the key (a flag's value arrives as a string). */
  private static int integer(Config c, String key) {
    String value = c.getValue(key).unwrapped().toString();
    if (!value.matches("-?\\d{1,9}")) {
      throw new IllegalArgumentException("gateway " + key + " must be a whole number, got \"" + value + "\"");
    }
    return Integer.parseInt(value);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
