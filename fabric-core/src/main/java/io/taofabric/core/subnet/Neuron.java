package io.taofabric.core.subnet;

/**
 * One UID slot of a subnet's metagraph.
 *
 * @param hotkey the registered hotkey
 * @param registeredAt block of (re)registration
 * @param lastUpdate block of the last weights transaction (the registration block until then)
 * @param validatorPermit the permit stored by the last epoch
 * @param emission the emission the last epoch gave this UID, rao (pruning ranks by it)
 * @param weights the stored weight row
 * @param bonds the stored bond row
 */
public record Neuron(
    String hotkey,
    long registeredAt,
    long lastUpdate,
    boolean validatorPermit,
    long emission,
    SparseRow weights,
    SparseRow bonds) {

  static Neuron registered(String hotkey, long block) {
    return new Neuron(hotkey, block, block, false, 0, SparseRow.EMPTY, SparseRow.EMPTY);
  }

  Neuron withWeights(SparseRow row, long block) {
    return new Neuron(hotkey, registeredAt, block, validatorPermit, emission, row, bonds);
  }

  Neuron withWeights(SparseRow row) {
    return new Neuron(hotkey, registeredAt, lastUpdate, validatorPermit, emission, row, bonds);
  }

  Neuron withLastUpdate(long block) {
    return new Neuron(hotkey, registeredAt, block, validatorPermit, emission, weights, bonds);
  }

  Neuron withPermit(boolean permit) {
    return new Neuron(hotkey, registeredAt, lastUpdate, permit, emission, weights, bonds);
  }

  Neuron withBonds(SparseRow row) {
    return new Neuron(hotkey, registeredAt, lastUpdate, validatorPermit, emission, weights, row);
  }

  Neuron afterEpoch(boolean permit, long newEmission, SparseRow newBonds) {
    return new Neuron(hotkey, registeredAt, lastUpdate, permit, newEmission, weights, newBonds);
  }
}
