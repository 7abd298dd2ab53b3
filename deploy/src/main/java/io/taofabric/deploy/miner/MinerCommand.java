package io.taofabric.deploy.miner;

import picocli.CommandLine.Command;

/** {@code fabric miner}. */
@Command(
    name = "miner",
    mixinStandardHelpOptions = true,
    description = "Mining: serve a model to a subnet's validators with a wallet's hotkey.",
    subcommands = {MinerServe.class})
public final class MinerCommand {}
