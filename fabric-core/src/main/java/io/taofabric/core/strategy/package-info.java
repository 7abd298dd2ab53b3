/**
 * Miner strategies as {@link io.taofabric.core.model.Model}s, for simulations and adversarial tests:
 * honest, lazy (constant or random), copycat and sybil ({@link io.taofabric.core.strategy.Strategies}),
 * and {@link io.taofabric.core.strategy.LocalRound}, which plays one round among them in process.
 */
package io.taofabric.core.strategy;
