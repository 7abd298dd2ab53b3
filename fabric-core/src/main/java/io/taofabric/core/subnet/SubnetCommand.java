package io.taofabric.core.subnet;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a subnet is asked to do. Every command carries the block it is applied in; {@link
 * Subnet#decide} checks it, so a command may hold any values a caller sent.
 */
public sealed interface SubnetCommand {
  /** The block the command is applied in. */
  long block();

  /**
   * A command a participant sends that touches no account: the subnet applies it on its own.
   * Registrations and stake moves go through their sagas, creation and epochs come from the
   * network, so none of those can be sent as a direct command.
   */
  sealed interface Direct extends SubnetCommand {}

  /** A command that belongs to a cross-entity operation and is applied at most once per key. */
  sealed interface Idempotent extends SubnetCommand {
    /** The operation's idempotency key. */
    String operationId();
  }

  /** Creates the subnet, registering the owner's hotkey at UID 0, where it is never replaced. */
  record CreateSubnet(
      String ownerColdkey, String ownerHotkey, SubnetHyperparameters hyperparameters, long block)
      implements SubnetCommand {}

  /**
   * Registers {@code hotkey} for {@code coldkey}. The caller has already burned {@code burnPaid}
   * rao from the coldkey's account in the operation {@code burnOperationId}.
   */
  record Register(String hotkey, String coldkey, String burnOperationId, long burnPaid, long block)
      implements Idempotent {
    /** The burn's operation id: a retried registration is acknowledged, not applied twice. */
    @Override
    public String operationId() {
      return burnOperationId;
    }
  }

  /** Announces where {@code hotkey} answers queries, as {@code host:port}. */
  record ServeEndpoint(String hotkey, String endpoint, long block) implements Direct {}

  /** Sets {@code hotkey}'s weights directly; only while commit–reveal is off. */
  record SetWeights(String hotkey, List<Integer> uids, List<Integer> values, long block)
      implements Direct {
    /** Copies the lists. */
    public SetWeights {
      uids = List.copyOf(uids);
      values = List.copyOf(values);
    }
  }

  /** Commits the hash of weights to reveal later (see {@link WeightCommits#hash}). */
  record CommitWeights(String hotkey, String hash, long block) implements Direct {}

  /** Reveals weights committed earlier, with the salt the commit hashed. */
  record RevealWeights(
      String hotkey, List<Integer> uids, List<Integer> values, byte[] salt, long block)
      implements Direct {
    /** Copies the lists and the salt. */
    public RevealWeights {
      uids = List.copyOf(uids);
      values = List.copyOf(values);
      salt = salt == null ? null : salt.clone();
    }

    /** A copy of the salt, or null when none was sent. */
    @Override
    public byte[] salt() {
      return salt == null ? null : salt.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RevealWeights r
          && Objects.equals(hotkey, r.hotkey)
          && uids.equals(r.uids)
          && values.equals(r.values)
          && Arrays.equals(salt, r.salt)
          && block == r.block;
    }

    @Override
    public int hashCode() {
      return Objects.hash(hotkey, uids, values, Arrays.hashCode(salt), block);
    }

    @Override
    public String toString() {
      return "RevealWeights[hotkey=" + hotkey + ", uids=" + uids + ", values=" + values
          + ", salt=" + Arrays.toString(salt) + ", block=" + block + "]";
    }
  }

  /** Adds {@code amount} rao of {@code coldkey}'s stake to {@code hotkey} on this subnet. */
  record AddStake(String hotkey, String coldkey, long amount, String operationId, long block)
      implements Idempotent {}

  /** Takes {@code amount} rao of {@code coldkey}'s stake off {@code hotkey} on this subnet. */
  record RemoveStake(String hotkey, String coldkey, long amount, String operationId, long block)
      implements Idempotent {}

  /** Sets one hyperparameter by its name (see {@link SubnetHyperparameters#names()}). */
  record SetHyperparameter(String callerColdkey, String name, String value, long block)
      implements Direct {}

  /** Runs the epoch due at {@code block}, paying out {@code emissionRao}. */
  record RunEpoch(long block, long emissionRao) implements SubnetCommand {}
}
