/**
 * The subnets' tasks on real, shipped data: forecasting the next values of a time series ({@link
 * io.taofabric.core.task.ForecastTask}) and classifying handwritten digits with hidden, labelled canaries
 * among ordinary queries ({@link io.taofabric.core.task.ClassificationTask}). Datasets are classpath
 * resources under {@code datasets/}; their provenance is in {@code datasets/PROVENANCE.md}.
 */
package io.taofabric.core.task;
