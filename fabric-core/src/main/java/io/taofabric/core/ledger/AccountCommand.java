package io.taofabric.core.ledger;

/** What an account is asked to do; each carries its operation's idempotency key. */
public sealed interface AccountCommand {
  /** The operation's idempotency key. */
  String operationId();

  /** The rao the operation moves. */
  long amount();

  /** Credits {@code amount} of new rao (genesis or faucet). */
  record CreditGenesis(String operationId, long amount, long block) implements AccountCommand {}

  /** Debits the free balance for a transfer to {@code to}. */
  record SendTransfer(String operationId, String to, long amount, long block) implements AccountCommand {}

  /** Credits the free balance with a transfer from {@code from}. */
  record ReceiveTransfer(String operationId, String from, long amount, long block)
      implements AccountCommand {}

  /** Moves free balance into stake on {@code hotkey} in {@code netuid}. */
  record AddStake(String operationId, String hotkey, int netuid, long amount, long block)
      implements AccountCommand {}

  /** Moves stake on {@code hotkey} in {@code netuid} back to the free balance. */
  record RemoveStake(String operationId, String hotkey, int netuid, long amount, long block)
      implements AccountCommand {}

  /** Burns free balance to register {@code hotkey} in {@code netuid}. */
  record BurnForRegistration(String operationId, String hotkey, int netuid, long amount, long block)
      implements AccountCommand {}

  /** Recycles free balance as the lock cost of creating subnet {@code netuid}. */
  record LockForSubnet(String operationId, int netuid, long amount, long block) implements AccountCommand {}

  /** Credits one UID's emission from a settled epoch as stake on its hotkey. */
  record CreditEmission(int netuid, long epoch, int uid, String hotkey, long amount, long block)
      implements AccountCommand {
    @Override
    public String operationId() {
      return emissionKey(netuid, epoch, uid);
    }
  }

  /** The idempotency key of a UID's emission credit: one per (subnet, epoch, UID). */
  static String emissionKey(int netuid, long epoch, int uid) {
    return "emission/" + netuid + "/" + epoch + "/" + uid;
  }
}
