/**
 * A validator's whole round over Aeron: {@link io.taofabric.transport.round.QueryRound} fans a
 * forecasting challenge out with the validator's fan-out and scores the miners' real answers with
 * fabric-core's round scorer; {@link io.taofabric.transport.round.ForecastServing} puts a
 * fabric-core forecaster behind a miner endpoint.
 */
package io.taofabric.transport.round;
