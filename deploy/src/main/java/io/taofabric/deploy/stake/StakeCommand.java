package io.taofabric.deploy.stake;

import picocli.CommandLine.Command;

/** {@code fabric stake}. */
@Command(
    name = "stake",
    mixinStandardHelpOptions = true,
    description = {
      "Stake TAO of the wallet's coldkey on hotkeys.",
      "Validators need stake for a validator permit, and earn dividends on it."
    },
    subcommands = {StakeChange.Add.class, StakeChange.Remove.class, StakeList.class})
public final class StakeCommand {}
