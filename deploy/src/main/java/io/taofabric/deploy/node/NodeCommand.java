package io.taofabric.deploy.node;

import static io.taofabric.deploy.Failures.rootMessage;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.gateway.Gateway;
import io.taofabric.deploy.gateway.GatewaySettings;
import io.taofabric.deploy.gateway.QueryKeys;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.Uri;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fabric node}: runs one node of the taofabric cluster until SIGTERM or SIGINT, then leaves
 * the cluster gracefully. Settings come from {@code taofabric.node} and {@code taofabric.ledger}:
 * the flags override a {@code --config} file, which overrides the defaults in {@code
 * reference.conf}; {@code -D} system properties sit between the flags and the file.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a node of the taofabric cluster until SIGTERM or Ctrl-C, then leaves the cluster gracefully.",
      "Prints one line when the node is Up. Every node of a cluster needs the same --seed list and",
      "number-of-shards; see docs/cluster.md."
    })
public final class NodeCommand implements Callable<Integer> {
  /** Exit status for invalid settings. */
  public static final int BAD_SETTINGS = 2;

  /** Exit status when the node could not start, or the cluster removed it. */
  public static final int FAILED = 1;

  private static final Duration BIND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration BOOTSTRAP_ROUND = Duration.ofMillis(500);

  /** How many demonstration validators per subnet the gateway may sign as (the bootstrap runs one or a few). */
  private static final int DEMO_VALIDATORS = 8;

  @Spec CommandSpec spec;

  @Option(
      names = "--role",
      split = ",",
      paramLabel = "ROLE",
      description = "A cluster role of this node (repeatable, or a comma list).")
  List<String> roles;

  @Option(names = "--host", paramLabel = "HOST", description = "The host name or address other nodes reach this one at.")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "The cluster port (0: a free one).")
  String port;

  @Option(
      names = "--seed",
      split = ",",
      paramLabel = "HOST:PORT",
      description = "A seed node (repeatable, or a comma list); none: this node starts a cluster of its own.")
  List<String> seeds;

  @Option(names = "--management-port", paramLabel = "PORT", description = "The management HTTP port on --host.")
  String managementPort;

  @Option(
      names = "--gateway-port",
      paramLabel = "PORT",
      description = "The gateway's HTTP port on --host (default 7700; 0: no gateway); see docs/cluster.md.")
  String gatewayPort;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A HOCON file with taofabric.node (and taofabric.ledger) settings; flags override it.")
  Path configFile;

  @Option(
      names = "--contact-point",
      split = ",",
      paramLabel = "HOST:PORT",
      description = "Cassandra contact point of the journal (repeatable).")
  List<String> contactPoints;

  @Option(
      names = "--bootstrap-subnets",
      paramLabel = "N",
      description = {
        "Once Up, create N demonstration subnets (owners funded from genesis, a staked validator and",
        "--bootstrap-miners miners each; odd netuids forecast a series, even ones classify digits) and play",
        "their validators; run it on one node only. Repeating it after a restart repeats nothing."
      })
  int bootstrapSubnets;

  @Option(names = "--bootstrap-miners", paramLabel = "M", description = "Miners per demonstration subnet (default ${DEFAULT-VALUE}).")
  int bootstrapMiners = 3;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NodeSettings settings;
    GatewaySettings gateway;
    QueryKeys queryKeys;
    Config base;
    try {
      Config config = config();
      settings = NodeSettings.from(config);
      gateway = GatewaySettings.from(config, settings);
      queryKeys = queryKeys(gateway.query());
      base = LedgerStoreSettings.from(config).pekkoConfig().withFallback(config);
    } catch (IllegalArgumentException | ConfigException | WalletException e) {
      err.println("fabric node: " + rootMessage(e));
      err.flush();
      return BAD_SETTINGS;
    }
    if (bootstrapSubnets < 0 || bootstrapMiners < 1 || bootstrapMiners > 250) {
      err.println("fabric node: --bootstrap-subnets must be >= 0 and --bootstrap-miners in [1, 250]");
      err.flush();
      return BAD_SETTINGS;
    }
    return run(settings, gateway, queryKeys, base, out, err);
  }

  /**
   * The keys the gateway signs client queries with: the configured wallet's hotkeys, and the
   * demonstration validators' when asked or when this node bootstraps them.
   */
  private QueryKeys queryKeys(GatewaySettings.Query query) throws WalletException {
    QueryKeys keys = query.wallet().isEmpty() ? QueryKeys.none() : QueryKeys.wallet(query.walletPath(), query.wallet(), query.hotkeys());
    return query.demoKeys() || bootstrapSubnets > 0 ? keys.and(NetworkBootstrap.validatorQueryKeys(DEMO_VALIDATORS)) : keys;
  }

  /** The configuration the node runs with: the flags over -D properties over the file over the defaults. */
  Config config() {
    Config file =
        configFile == null
            ? ConfigFactory.empty()
            : ConfigFactory.parseFile(configFile.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    return flags()
        .withFallback(ConfigFactory.systemProperties())
        .withFallback(file)
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  private Config flags() {
    Config flags = ConfigFactory.empty();
    flags = withList(flags, "taofabric.node.roles", roles);
    flags = withValue(flags, "taofabric.node.host", host);
    flags = withValue(flags, "taofabric.node.port", port);
    flags = withList(flags, "taofabric.node.seeds", seeds);
    flags = withValue(flags, "taofabric.node.management-port", managementPort);
    flags = withValue(flags, "taofabric.gateway.port", gatewayPort);
    return withList(flags, "taofabric.ledger.contact-points", contactPoints);
  }

  /** Populates and plays the demonstration network on a thread of its own until the node stops. */
  private void bootstrap(FabricNode<NodeEntities> node, PrintWriter out, PrintWriter err) {
    Thread demo =
        new Thread(
            () -> {
              try {
                new NetworkBootstrap(node.system(), node.entities())
                    .run(bootstrapSubnets, bootstrapMiners, BOOTSTRAP_ROUND, () -> node.whenTerminated().toCompletableFuture().isDone(), out);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Exception e) {
                err.println("fabric node: bootstrap stopped: " + rootMessage(e));
                err.flush();
              }
            },
            "bootstrap");
    demo.setDaemon(true);
    demo.start();
  }

  private static Config withValue(Config config, String path, String value) {
    return value == null ? config : config.withValue(path, ConfigValueFactory.fromAnyRef(value, "command line"));
  }

  private static Config withList(Config config, String path, List<String> values) {
    return values == null ? config : config.withValue(path, ConfigValueFactory.fromIterable(values, "command line"));
  }

  private int run(NodeSettings settings, GatewaySettings gateway, QueryKeys queryKeys, Config base, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    FabricNode<NodeEntities> node;
    try {
      node = FabricNode.start(FabricNode.SYSTEM_NAME, settings, base);
    } catch (RuntimeException e) {
      err.println("fabric node: cannot start on " + settings.host() + ":" + settings.port() + ": " + rootMessage(e));
      err.flush();
      return FAILED;
    }
    Uri management;
    try {
      management =
          node.startManagement().toCompletableFuture().get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      err.println(
          "fabric node: cannot serve management http on " + settings.host() + ":" + settings.managementPort() + ": "
              + rootMessage(e));
      err.flush();
      node.system().terminate();
      return FAILED;
    }
    String gatewayUrl = "";
    if (gateway.enabled()) {
      try {
        gatewayUrl =
            ", gateway "
                + Gateway.start(node.system(), node.entities(), settings.host(), gateway, queryKeys)
                    .toCompletableFuture()
                    .get(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .url();
      } catch (ExecutionException | TimeoutException e) {
        err.println("fabric node: cannot serve the gateway on " + settings.host() + ":" + gateway.port() + ": " + rootMessage(e));
        err.flush();
        node.system().terminate();
        return FAILED;
      }
    }
    String served = gatewayUrl;
    node.up()
        .thenRun(
            () -> {
              out.println("node " + node.address() + " up, roles " + settings.roles() + ", management " + management + served);
              out.flush();
              if (bootstrapSubnets > 0) {
                bootstrap(node, out, err);
              }
            });
    node.whenTerminated().toCompletableFuture().join();
    if (node.downed()) {
      err.println("fabric node: the cluster removed " + node.address() + " (split brain resolver); restart it to rejoin");
      err.flush();
      return FAILED;
    }
    out.println("node " + node.address() + " left the cluster");
    out.flush();
    return 0;
  }
}
