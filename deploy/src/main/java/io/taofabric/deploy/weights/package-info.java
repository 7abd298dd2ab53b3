/**
 * {@code fabric weights}: a validator's commit–reveal of weights, signed with its hotkey. The commit
 * keeps the weights and the salt in the wallet ({@link io.taofabric.deploy.weights.CommitStore}) so
 * that the reveal, a tempo or more later, can send exactly what was committed to.
 */
package io.taofabric.deploy.weights;
