package io.taofabric.deploy.cli;

import picocli.CommandLine.Option;

/** {@code --netuid}: the subnet a command is about. */
public final class NetuidOption {
  private static final int MAX_NETUID = 65_535;

  @Option(names = "--netuid", required = true, paramLabel = "N", description = "The subnet, from 1.")
  int netuid;

  /** The subnet, checked to be a netuid before anything is read or signed. */
  public int netuid() throws CliFailure {
    if (netuid < 1 || netuid > MAX_NETUID) {
      throw CliFailure.badInput("--netuid must be in [1, " + MAX_NETUID + "], got " + netuid);
    }
    return netuid;
  }
}
