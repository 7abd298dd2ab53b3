package io.taofabric.deploy.cli;

import picocli.CommandLine.Option;

/** {@code --gateway}: where the network's commands read and submit. */
public final class GatewayOptions {
  /** The environment variable naming the gateway when {@code --gateway} does not. */
  public static final String VARIABLE = "FABRIC_GATEWAY";

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      description = "The gateway of a node (default: $" + VARIABLE + ", else " + GatewayClient.DEFAULT_URL + ").")
  String url;

  /** The gateway named by the option, else the environment, else the local default. */
  public GatewayClient client() throws CliFailure {
    if (url != null) {
      return GatewayClient.at(url);
    }
    String fromEnvironment = System.getenv(VARIABLE);
    return GatewayClient.at(fromEnvironment == null || fromEnvironment.isBlank() ? GatewayClient.DEFAULT_URL : fromEnvironment);
  }
}
