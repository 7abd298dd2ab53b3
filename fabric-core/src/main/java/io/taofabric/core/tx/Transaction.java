package io.taofabric.core.tx;

import io.taofabric.core.subnet.Endpoint;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.subnet.WeightCommits;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A write a client asks the network for, before it is signed ({@link SignedTransaction}). Each
 * record validates its fields on construction, so a transaction that exists is well formed; whether
 * the network accepts it (balance, registration, rate limits of the subnet) is the entities'
 * business. The signer is not a field: it is the key that signs, {@link #signerRole()} says which
 * of the signer's keys that must be.
 */
public sealed interface Transaction {
  /** The most weights one reveal may carry: one per UID of the largest subnet. */
  int MAX_WEIGHTS = 65_535;

  /** The longest salt a reveal may carry, in bytes (Bittensor's salts are 16). */
  int MAX_SALT_BYTES = 64;

  /** The longest hyperparameter value, in characters (every value today is a u64 or a switch). */
  int MAX_HYPERPARAMETER_VALUE_LENGTH = 32;

  /** Which of the signer's keys must sign this transaction. */
  SignerRole signerRole();

  /** A transaction addressed to one subnet: the gateway routes it to that subnet's entity. */
  sealed interface OnSubnet extends Transaction {
    /** The subnet, from 1. */
    int netuid();
  }

  /** Moves {@code rao} of the signing coldkey's free balance to {@code toColdkey}. */
  record Transfer(String toColdkey, long rao) implements Transaction {
    /** Validates the fields. */
    public Transfer {
      Fields.requireKey("toColdkey", toColdkey);
      Fields.requireRao(rao);
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.COLDKEY;
    }
  }

  /** Stakes {@code rao} of the signing coldkey's free balance on {@code hotkey} in {@code netuid}. */
  record AddStake(int netuid, String hotkey, long rao) implements OnSubnet {
    /** Validates the fields. */
    public AddStake {
      Fields.requireNetuid(netuid);
      Fields.requireKey("hotkey", hotkey);
      Fields.requireRao(rao);
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.COLDKEY;
    }
  }

  /** Takes {@code rao} of the signing coldkey's stake off {@code hotkey} in {@code netuid}. */
  record RemoveStake(int netuid, String hotkey, long rao) implements OnSubnet {
    /** Validates the fields. */
    public RemoveStake {
      Fields.requireNetuid(netuid);
      Fields.requireKey("hotkey", hotkey);
      Fields.requireRao(rao);
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.COLDKEY;
    }
  }

  /**
   * Creates a subnet owned by the signing coldkey, which pays the lock; {@code ownerHotkey} takes
   * UID 0. The network assigns the netuid.
   */
  record CreateSubnet(String ownerHotkey) implements Transaction {
    /** Validates the field. */
    public CreateSubnet {
      Fields.requireKey("ownerHotkey", ownerHotkey);
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.COLDKEY;
    }
  }

  /** Registers {@code hotkey} in {@code netuid} by burning the subnet's price from the signing coldkey. */
  record Register(int netuid, String hotkey) implements OnSubnet {
    /** Validates the fields. */
    public Register {
      Fields.requireNetuid(netuid);
      Fields.requireKey("hotkey", hotkey);
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.COLDKEY;
    }
  }

  /** Announces where the signing hotkey answers queries in {@code netuid}, as {@code host:port}. */
  record ServeEndpoint(int netuid, String endpoint) implements OnSubnet {
    /** Validates the fields: the endpoint as {@link Endpoint#refusal} reads it. */
    public ServeEndpoint {
      Fields.requireNetuid(netuid);
      String refusal = Endpoint.refusal(endpoint);
      if (refusal != null) {
        throw new IllegalArgumentException(refusal);
      }
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.HOTKEY;
    }
  }

  /**
   * Commits the signing hotkey to weights it reveals later: {@code commitHash} is {@link
   * WeightCommits#hash} of the hotkey, the subnet, the weights and a salt, as 64 lowercase hex
   * characters ({@link RevealWeights#commitHash} computes it from the reveal to come).
   */
  record CommitWeights(int netuid, String commitHash) implements OnSubnet {
    /** Validates the fields. */
    public CommitWeights {
      Fields.requireNetuid(netuid);
      Fields.requireSha256("commitHash", commitHash);
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.HOTKEY;
    }
  }

  /**
   * Reveals the weights the signing hotkey committed: {@code values} (u16) on the UIDs {@code uids},
   * pairwise, and the commit's salt. The subnet matches them to a commit and checks them against its
   * weights rules.
   */
  record RevealWeights(int netuid, List<Integer> uids, List<Integer> values, byte[] salt) implements OnSubnet {
    /** Validates the fields and copies the lists and the salt. */
    public RevealWeights {
      Fields.requireNetuid(netuid);
      uids = List.copyOf(uids);
      values = List.copyOf(values);
      if (uids.size() != values.size()) {
        throw new IllegalArgumentException(
            "uids and values differ in length (" + uids.size() + " and " + values.size() + ")");
      }
      if (uids.size() > MAX_WEIGHTS) {
        throw new IllegalArgumentException("at most " + MAX_WEIGHTS + " weights, got " + uids.size());
      }
      Set<Integer> seen = new HashSet<>();
      for (int uid : uids) {
        requireU16("uid", uid);
        if (!seen.add(uid)) {
          throw new IllegalArgumentException("uid " + uid + " appears twice");
        }
      }
      for (int value : values) {
        requireU16("weight", value);
      }
      if (salt == null || salt.length < 1 || salt.length > MAX_SALT_BYTES) {
        throw new IllegalArgumentException(
            "salt must be 1 to " + MAX_SALT_BYTES + " bytes, got " + (salt == null ? "none" : salt.length));
      }
      salt = salt.clone();
    }

    /** A copy of the salt. */
    @Override
    public byte[] salt() {
      return salt.clone();
    }

    /**
     * The hash {@code hotkey} commits to before it sends this reveal ({@link CommitWeights}): the
     * subnet's own {@link WeightCommits#hash}, so the two cannot disagree.
     */
    public String commitHash(String hotkey) {
      int[] targets = new int[uids.size()];
      int[] weights = new int[values.size()];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = uids.get(i);
        weights[i] = values.get(i);
      }
      return WeightCommits.hash(hotkey, netuid, targets, weights, salt);
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.HOTKEY;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RevealWeights r
          && netuid == r.netuid
          && uids.equals(r.uids)
          && values.equals(r.values)
          && Arrays.equals(salt, r.salt);
    }

    @Override
    public int hashCode() {
      return Objects.hash(netuid, uids, values, Arrays.hashCode(salt));
    }

    @Override
    public String toString() {
      return "RevealWeights[netuid=" + netuid + ", uids=" + uids + ", values=" + values
          + ", salt=" + HexFormat.of().formatHex(salt) + "]";
    }

    private static void requireU16(String field, int v) {
      if (v < 0 || v > 65_535) {
        throw new IllegalArgumentException(field + " " + v + " is not a u16");
      }
    }
  }

  /**
   * Sets hyperparameter {@code name} of {@code netuid} to {@code value}; only the subnet owner's
   * coldkey may. The name is one of {@link SubnetHyperparameters#names()}; the value is parsed and
   * range-checked by the subnet, against its other hyperparameters.
   */
  record SetHyperparameter(int netuid, String name, String value) implements OnSubnet {
    /** Validates the fields: a known name, a value of printable ASCII without spaces. */
    public SetHyperparameter {
      Fields.requireNetuid(netuid);
      if (name == null || !SubnetHyperparameters.names().contains(name)) {
        throw new IllegalArgumentException(
            "unknown hyperparameter '" + name + "'; known: " + SubnetHyperparameters.names());
      }
      Fields.requireToken("value", value, MAX_HYPERPARAMETER_VALUE_LENGTH);
    }

    @Override
    public SignerRole signerRole() {
      return SignerRole.COLDKEY;
    }
  }
}
