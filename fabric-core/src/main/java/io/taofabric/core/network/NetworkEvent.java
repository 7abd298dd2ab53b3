package io.taofabric.core.network;

/** What the network-level singletons record: the block clock and the subnet registry. */
public sealed interface NetworkEvent {
  /** The block the event happened in. */
  long block();

  /** The clock produced block {@code block} at wall-clock {@code epochMillis}. */
  record BlockProduced(long block, long epochMillis) implements NetworkEvent {}

  /**
   * A subnet creation began: {@code netuid} is reserved for {@code ownerColdkey}, whose account is
   * asked to pay {@code lockCost} rao (recycled) under idempotency key {@code lockOperationId}.
   * Once created, the subnet holds {@code ownerHotkey} at UID 0 and receives {@code
   * shareMillionths} of every block's emission.
   */
  record SubnetCreationStarted(
      int netuid,
      String ownerColdkey,
      String ownerHotkey,
      String lockOperationId,
      long lockCost,
      long shareMillionths,
      long block)
      implements NetworkEvent {}

  /** The lock of {@code netuid} is paid: the subnet exists. */
  record SubnetCreated(int netuid, long block) implements NetworkEvent {}

  /** The owner's account refused the lock: {@code netuid} is free again. */
  record SubnetCreationFailed(int netuid, String reason, long block) implements NetworkEvent {}
}
