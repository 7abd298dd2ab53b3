/**
 * The miner's side of the query path: {@link io.taofabric.transport.miner.MinerEndpoint} reads
 * requests, lets {@link io.taofabric.transport.miner.RequestGuard} refuse them on their header, queues
 * the rest by caller stake and answers from a {@link io.taofabric.transport.miner.Model}.
 */
package io.taofabric.transport.miner;
