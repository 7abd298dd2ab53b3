/**
 * {@code fabric subnet}: subnets as the gateway shows them (list, hyperparameters, the metagraph
 * table) and the coldkey's writes to them (create one, register a hotkey, set a hyperparameter as
 * the owner).
 */
package io.taofabric.deploy.subnet;
