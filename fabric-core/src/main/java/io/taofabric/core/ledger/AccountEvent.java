package io.taofabric.core.ledger;

/**
 * What happened to one coldkey's account. Every event names the operation it belongs to (its
 * idempotency key) and the block it was applied in, so the journal replays to any block.
 */
public sealed interface AccountEvent {
  /** The operation's idempotency key; an account applies each key at most once. */
  String operationId();

  /** The block the event was applied in. */
  long block();

  /** The rao the operation moves. */
  long amount();

  /** Rao created for this account outside an epoch (the genesis allocation, a test faucet). */
  record GenesisCredited(String operationId, long amount, long block) implements AccountEvent {}

  /**
   * Free balance left for another account, the first half of a transfer. Until {@link
   * TransferDelivered} the transfer is this account's to deliver: after a crash the account sends
   * the credit again, and the receiver applies it once by its id.
   */
  record TransferredOut(String operationId, String to, long amount, long block) implements AccountEvent {}

  /** The receiver confirmed the credit of a transfer this account sent; it moves no money here. */
  record TransferDelivered(String operationId, String to, long amount, long block) implements AccountEvent {}

  /** Free balance arrived from another account, the second half of a transfer. */
  record TransferredIn(String operationId, String from, long amount, long block) implements AccountEvent {}

  /** Free balance moved into stake on a hotkey in a subnet. */
  record StakeAdded(String operationId, String hotkey, int netuid, long amount, long block)
      implements AccountEvent {}

  /** Stake on a hotkey in a subnet moved back to the free balance. */
  record StakeRemoved(String operationId, String hotkey, int netuid, long amount, long block)
      implements AccountEvent {}

  /** Free balance burned to register a hotkey in a subnet. */
  record RegistrationBurned(String operationId, String hotkey, int netuid, long amount, long block)
      implements AccountEvent {}

  /** Free balance recycled as the lock cost of creating subnet {@code netuid}. */
  record SubnetLockRecycled(String operationId, int netuid, long amount, long block) implements AccountEvent {}

  /** One UID's emission from a settled epoch, added to the stake of its hotkey. */
  record EmissionCredited(
      String operationId, int netuid, long epoch, int uid, String hotkey, long amount, long block)
      implements AccountEvent {}
}
