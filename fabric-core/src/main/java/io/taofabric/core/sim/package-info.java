/**
 * The adversarial simulation: a subnet run through many tempos with honest, lazy, copying and sybil
 * miners and honest and weight-copying validators, all under the subnet's own rule book
 * ({@link io.taofabric.core.sim.IntegritySimulation}), and the figures that say whether useful work
 * earned the emission ({@link io.taofabric.core.sim.IntegrityReport}). Deterministic for a seed.
 */
package io.taofabric.core.sim;
