package io.taofabric.deploy.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import io.taofabric.core.scoring.AnswerSimilarity;
import io.taofabric.core.scoring.ForecastScoring;
import io.taofabric.core.scoring.TournamentPolicy;
import io.taofabric.core.sim.Forecasters;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.core.task.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example miner, {@code examples/miner/SeasonalBlend.java}, compiled and loaded as a
 * user does, earns on the demonstration forecasting subnet: against its best miner (seasonal
 * growth) in the validators' tempo tournament on the same CO2 windows, it takes the larger share,
 * and validators never take it for a copy.
 */
class SeasonalBlendTest {
  /** The demo forecasting subnet's query: 24 months, 6 ahead ({@code deploy.node.ForecastDemo}). */
  private static final int WINDOW = 24;
  private static final int HORIZON = 6;
  /** About what one validator asks a tempo on the demo's clock (21 blocks of 250 ms, a round each 500 ms). */
  private static final int ROUNDS_PER_TEMPO = 10;
  private static final int TEMPOS = 500;

  private static final Path EXAMPLE = Path.of("..", "examples", "miner", "SeasonalBlend.java");

  @TempDir Path dir;

  @Test
  void shouldBeTheExampleTheReadmeShows() throws Exception {
    assertTrue(Files.readString(Path.of("..", "README.md")).contains(Files.readString(EXAMPLE)), "README.md quotes " + EXAMPLE);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldOutearnTheDemoNetworksBestForecasterWithoutLookingLikeACopy() throws Exception {
    Path jar = JavaSources.jar(dir, Map.of("SeasonalBlend.java", Files.readString(EXAMPLE)));
    try (ModelSpec.Loaded loaded = ModelSpec.load("class:com.example.SeasonalBlend", List.of(jar))) {
      assertEquals(MinerTask.FORECAST, loaded.task());
      Model<ForecastQuery, ForecastAnswer> blend = (Model<ForecastQuery, ForecastAnswer>) loaded.model();
      Model<ForecastQuery, ForecastAnswer> best = Forecasters.all().get(0).model();

      TimeSeries series = SeriesCatalog.CO2.load();
      ForecastTask task = new ForecastTask(series, WINDOW, HORIZON);
      AnswerSimilarity<ForecastQuery, ForecastAnswer> copies = ForecastScoring.similarity(ForecastScoring.COPY_STEP_SHARE);
      Random random = new Random(1);
      double blendShare = 0;
      for (int tempo = 0; tempo < TEMPOS; tempo++) {
        double blendLog = 0;
        double bestLog = 0;
        for (int round = 0; round < ROUNDS_PER_TEMPO; round++) {
          ForecastChallenge challenge = task.challengeAt(task.firstEnd() + random.nextInt(task.lastEnd() - task.firstEnd() + 1));
          Doubles truth = task.truth(challenge, series.length() - 1).orElseThrow();
          ForecastAnswer mine = blend.answer(challenge.query());
          ForecastAnswer theirs = best.answer(challenge.query());
          assertFalse(copies.nearlyIdentical(challenge.query(), mine, theirs), "a copy of seasonal growth at " + challenge);
          blendLog += Math.log(ForecastScoring.score(challenge.query(), truth, mine));
          bestLog += Math.log(ForecastScoring.score(challenge.query(), truth, theirs));
        }
        Map<String, Double> rewards =
            TournamentPolicy.FORECASTING.rewards(Map.of("blend", Math.exp(blendLog / ROUNDS_PER_TEMPO), "best", Math.exp(bestLog / ROUNDS_PER_TEMPO)));
        blendShare += rewards.get("blend") / (rewards.get("blend") + rewards.get("best")) / TEMPOS;
      }
      assertTrue(blendShare > 0.5, "the blend's share of the two miners' rewards: " + blendShare);
    }
  }
}
