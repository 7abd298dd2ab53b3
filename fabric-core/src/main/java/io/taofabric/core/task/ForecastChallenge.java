package io.taofabric.core.task;

import io.taofabric.core.model.ForecastQuery;

/**
 * A query the validator sent, with what only the validator knows: the index of the window's last
 * observation in the series, from which the truth is revealed later.
 */
public record ForecastChallenge(ForecastQuery query, int end) {}
