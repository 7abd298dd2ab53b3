/**
 * A validator's whole round over Aeron: {@link io.taofabric.transport.round.QueryRound} fans a
 * forecasting or classification query out with the validator's fan-out, aimed at the miners the
 * metagraph lists, and scores the miners' real answers with fabric-core's round scorer;
 * {@link io.taofabric.transport.round.TaskServing} puts a fabric-core forecaster or classifier
 * behind a miner endpoint.
 */
package io.taofabric.transport.round;
