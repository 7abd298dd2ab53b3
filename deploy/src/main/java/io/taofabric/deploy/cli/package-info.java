/**
 * What the network's commands ({@code fabric wallet}, {@code stake}, {@code subnet}, {@code
 * weights}) share: the one-line error contract ({@link io.taofabric.deploy.cli.ClientCommand},
 * {@link io.taofabric.deploy.cli.CliFailure}, {@link io.taofabric.deploy.cli.OneLineParameterErrors}),
 * the wallet and password options, TAO amounts, and the gateway client that reads the network and
 * submits signed transactions ({@link io.taofabric.deploy.cli.GatewayClient}).
 */
package io.taofabric.deploy.cli;
