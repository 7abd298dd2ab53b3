/**
 * The query path over Aeron: an embedded media driver per node ({@link io.taofabric.transport.AeronNode}),
 * the versioned wire format ({@code wire}), the miner's endpoint ({@code miner}) and the validator's
 * fan-out ({@code validator}). Hot-path metrics are {@link io.taofabric.transport.Counters}, not logs.
 */
package io.taofabric.transport;
