package io.taofabric.core.tx;

/**
 * What a verifier needs to know of the network to tell whether a signer holds the role a
 * transaction needs: subnet owners and registered hotkeys. A gateway answers it from the subnet
 * state it reads before verifying; the subnet entity checks again when it applies the
 * transaction, so a view a moment old refuses too early at worst, and never lets a wrong signer
 * through.
 */
public interface KeyDirectory {
  /** The coldkey that owns subnet {@code netuid}, or null when there is no such subnet. */
  String subnetOwner(int netuid);

  /** Whether {@code hotkey} holds a UID in subnet {@code netuid}. */
  boolean isRegistered(int netuid, String hotkey);
}
