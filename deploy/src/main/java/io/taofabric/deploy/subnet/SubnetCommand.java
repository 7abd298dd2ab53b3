package io.taofabric.deploy.subnet;

import picocli.CommandLine.Command;

/** {@code fabric subnet}. */
@Command(
    name = "subnet",
    mixinStandardHelpOptions = true,
    description = "Subnets: list them, read their hyperparameters and metagraph, create one, register a hotkey.",
    subcommands = {
      SubnetList.class,
      SubnetCreate.class,
      SubnetRegister.class,
      SubnetHyperparams.class,
      SubnetMetagraph.class
    })
public final class SubnetCommand {}
