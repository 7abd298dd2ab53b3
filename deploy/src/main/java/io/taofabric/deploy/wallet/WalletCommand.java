package io.taofabric.deploy.wallet;

import picocli.CommandLine.Command;

/** {@code fabric wallet}. */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    description = {
      "Wallets on this machine, and the coldkey's TAO.",
      "As btcli keeps them: a password-encrypted coldkey that holds and moves TAO, and hotkeys that mine and"
          + " validate, in ~/.taofabric/wallets unless --wallet-path says otherwise."
    },
    subcommands = {WalletCreate.class, WalletNewHotkey.class, WalletList.class, WalletBalance.class, WalletTransfer.class})
public final class WalletCommand {}
