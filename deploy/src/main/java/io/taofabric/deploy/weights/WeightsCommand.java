package io.taofabric.deploy.weights;

import picocli.CommandLine.Command;

/** {@code fabric weights}. */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = {
      "A validator's weights, by commit and reveal.",
      "Commit to weights now, reveal them once the subnet's commit_reveal_delay has passed. Both are signed with"
          + " the wallet's hotkey."
    },
    subcommands = {WeightsCommit.class, WeightsReveal.class})
public final class WeightsCommand {}
