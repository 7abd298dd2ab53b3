package io.taofabric.core.subnet;

import java.util.List;

/**
 * What happened to a subnet. {@link Subnet#apply} rebuilds the state from these alone, so each
 * carries everything its application needs (an epoch's outcome, not its inputs).
 */
public sealed interface SubnetEvent {
  /** The block the event was applied in. */
  long block();

  /** The subnet was created; the owner's hotkey holds UID 0. */
  record SubnetCreated(
      String ownerColdkey, String ownerHotkey, SubnetHyperparameters hyperparameters, long block)
      implements SubnetEvent {}

  /**
   * {@code hotkey} took {@code uid}. When it replaced {@code replacedHotkey} (null on a free slot),
   * the subnet forgot that hotkey's coldkey, endpoint, commits and its {@code replacedStake} rao
   * of stake on this subnet; the ledger's sagas settle that stake with its stakers.
   *
   * @param burn rao burned for the registration
   * @param burnOperationId the burn's idempotency key
   */
  record NeuronRegistered(
      int uid,
      String hotkey,
      String coldkey,
      long block,
      String replacedHotkey,
      long burn,
      String burnOperationId,
      long replacedStake)
      implements SubnetEvent {}

  /** {@code hotkey} answers at {@code endpoint}. */
  record EndpointServed(String hotkey, String endpoint, long block) implements SubnetEvent {}

  /** {@code hotkey} set these weights (as sent; they are stored max-upscaled). */
  record WeightsSet(String hotkey, SparseRow weights, long block) implements SubnetEvent {}

  /** {@code hotkey} committed the hash of weights it will reveal later. */
  record WeightsCommitted(String hotkey, String hash, long block) implements SubnetEvent {}

  /** {@code hotkey} revealed the weights committed as {@code hash} at {@code commitBlock}. */
  record WeightsRevealed(
      String hotkey, String hash, long commitBlock, SparseRow weights, long block)
      implements SubnetEvent {}

  /** {@code coldkey} added stake to {@code hotkey} on this subnet. */
  record StakeAdded(String hotkey, String coldkey, long amount, String operationId, long block)
      implements SubnetEvent {}

  /** {@code coldkey} took stake off {@code hotkey} on this subnet. */
  record StakeRemoved(String hotkey, String coldkey, long amount, String operationId, long block)
      implements SubnetEvent {}

  /**
   * The owner set {@code name} to {@code value}; {@code hyperparameters} is the result, so a
   * replay does not depend on how values parse today.
   */
  record HyperparameterSet(
      String name, String value, SubnetHyperparameters hyperparameters, long block)
      implements SubnetEvent {}

  /**
   * Epoch number {@code epoch} ran at {@code block} and paid out, per UID, at most {@code
   * emissionRao} (the rounding dust was never minted).
   */
  record EpochApplied(long epoch, long block, long emissionRao, List<UidEpochResult> uids)
      implements SubnetEvent {
    /** Copies the list. */
    public EpochApplied {
      uids = List.copyOf(uids);
    }

    /** The rao the epoch paid, the sum of its UIDs' emissions. */
    public long paid() {
      long paid = 0;
      for (UidEpochResult uid : uids) {
        paid = Math.addExact(paid, uid.emission());
      }
      return paid;
    }
  }
}
