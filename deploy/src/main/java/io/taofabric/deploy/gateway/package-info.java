/**
 * The gateway: the network over HTTP and JSON for its users, served by every {@code fabric node}
 * on its host ({@code --gateway-port}). Reads (subnets, hyperparameters, metagraphs, accounts,
 * epoch history, health), signed transactions verified before any entity sees them, client queries
 * routed over Aeron to a subnet's best miners, and Prometheus metrics. Pure rules (error mapping,
 * replay window, field selection, miner ranking, epoch history) sit in small classes of their own;
 * {@link io.taofabric.deploy.gateway.GatewayRoutes} only wires them to HTTP.
 */
package io.taofabric.deploy.gateway;
