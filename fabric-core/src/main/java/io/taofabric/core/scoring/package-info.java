/**
 * How a validator scores one round: the same query sent to many miners, their answers with arrival
 * times. {@link io.taofabric.core.scoring.RoundScorer} gives every queried hotkey a {@link
 * io.taofabric.core.scoring.Verdict} and a score in [0, 1]: 0 for no answer, a late answer or a copy
 * of an earlier one ({@link io.taofabric.core.scoring.CopyDetector}), otherwise the task's quality
 * ({@link io.taofabric.core.scoring.ForecastScoring}, {@link io.taofabric.core.scoring.ClassificationScoring}).
 */
package io.taofabric.core.scoring;
