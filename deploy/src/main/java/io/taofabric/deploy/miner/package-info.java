/**
 * {@code fabric miner serve}: a user's miner. A model (a built-in demonstration model, a forecaster
 * over an OpenAI-compatible server, or the user's own {@link io.taofabric.core.model.Model} class
 * from a jar) behind a transport {@link io.taofabric.transport.miner.MinerEndpoint}, announced to
 * the subnet through the gateway and admitting the validators the subnet's metagraph permits.
 */
package io.taofabric.deploy.miner;
