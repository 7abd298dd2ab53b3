package io.taofabric.deploy;

import io.taofabric.deploy.cassandra.CassandraCommand;
import io.taofabric.deploy.bench.BenchCommand;
import io.taofabric.deploy.cli.OneLineParameterErrors;
import io.taofabric.deploy.demo.DemoCommand;
import io.taofabric.deploy.epoch.EpochCommand;
import io.taofabric.deploy.ledger.LedgerCommand;
import io.taofabric.deploy.miner.MinerCommand;
import io.taofabric.deploy.node.NodeCommand;
import io.taofabric.deploy.stake.StakeCommand;
import io.taofabric.deploy.subnet.SubnetCommand;
import io.taofabric.deploy.wallet.WalletCommand;
import io.taofabric.deploy.weights.WeightsCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fabric}: the one entry point for users; bin/fabric runs it. */
@Command(
    name = "fabric",
    mixinStandardHelpOptions = true,
    versionProvider = FabricCli.Version.class,
    description = "taofabric: a Bittensor-style network for machine intelligence on a Pekko cluster.",
    subcommands = {
      EpochCommand.class,
      LedgerCommand.class,
      NodeCommand.class,
      CassandraCommand.class,
      BenchCommand.class,
      DemoCommand.class,
      WalletCommand.class,
      StakeCommand.class,
      SubnetCommand.class,
      WeightsCommand.class,
      MinerCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FabricCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    // initialised here, before the driver's and Pekko's threads race to it (SLF4J then warns)
    LoggerFactory.getILoggerFactory();
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for the launcher and for tests. */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** The configured command line, its commands and options made by {@code factory} (tests give their own). */
  public static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(new FabricCli(), factory);
    cli.setParameterExceptionHandler(new OneLineParameterErrors());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("fabric: internal error: " + e);
          return 1;
        });
    return cli;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = FabricCli.class.getPackage().getImplementationVersion();
      return new String[] {"taofabric " + (v == null ? "(development build)" : v)};
    }
  }
}
