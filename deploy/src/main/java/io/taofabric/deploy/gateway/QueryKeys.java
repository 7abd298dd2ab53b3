package io.taofabric.deploy.gateway;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.wallet.Wallet;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.core.wallet.Wallets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hotkeys a gateway may sign client queries with, per subnet. A subnet's miners answer only
 * callers holding a validator permit there, so a gateway that routes queries needs such a key: in
 * general a hotkey of a wallet on the node (btcli layout, {@code taofabric.gateway.query.wallet}),
 * registered and staked into a permit on the subnets it serves. For each query the gateway signs
 * as the candidate holding a permit in the subnet's metagraph with the most stake ({@link
 * QueryPlan}). A key should sign for one process only: each miner keeps a window of the latest
 * nonces per caller, so two processes signing as one hotkey may see some of their queries refused
 * as stale.
 */
@FunctionalInterface
public interface QueryKeys {
  /** The keys that may sign a query to subnet {@code netuid}, whether or not they hold a permit there. */
  List<SigningKey> candidates(int netuid);

  /** No keys: the gateway routes no queries (503 {@code no_query_key}). */
  static QueryKeys none() {
    return netuid -> List.of();
  }

  /** {@code keys}, for every subnet. */
  static QueryKeys of(List<SigningKey> keys) {
    List<SigningKey> copy = List.copyOf(keys);
    return netuid -> copy;
  }

  /** These keys, then {@code more}'s. */
  default QueryKeys and(QueryKeys more) {
    return netuid -> {
      List<SigningKey> all = new ArrayList<>(candidates(netuid));
      all.addAll(more.candidates(netuid));
      return all;
    };
  }

  /**
   * The hotkeys {@code hotkeys} of wallet {@code wallet} under {@code root}, every hotkey of the
   * wallet when {@code hotkeys} is empty; read once, here.
   *
   * @throws WalletException when the wallet or a hotkey is missing or damaged
   */
  static QueryKeys wallet(Path root, String wallet, List<String> hotkeys) throws WalletException {
    Wallet opened = new Wallets(root).open(wallet);
    List<SigningKey> keys = new ArrayList<>();
    for (String name : hotkeys.isEmpty() ? opened.hotkeyNames() : hotkeys) {
      keys.add(opened.hotkey(name));
    }
    if (keys.isEmpty()) {
      throw new WalletException("wallet '" + wallet + "' in " + root + " holds no hotkey to sign queries with");
    }
    return of(keys);
  }
}
