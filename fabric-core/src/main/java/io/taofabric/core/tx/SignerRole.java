package io.taofabric.core.tx;

/**
 * Which of a participant's keys signs a transaction, as in Bittensor: the coldkey holds the money
 * and signs whatever moves or spends it, or speaks as a subnet's owner; the hotkey is the neuron's
 * working identity and signs what it does on its subnet.
 */
public enum SignerRole {
  /** Transfers, stake, registration, subnet creation and an owner's hyperparameters. */
  COLDKEY,
  /** A registered neuron's endpoint and weights. */
  HOTKEY
}
