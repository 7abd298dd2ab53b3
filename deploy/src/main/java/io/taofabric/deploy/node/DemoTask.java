package io.taofabric.deploy.node;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.scoring.TournamentPolicy;
import io.taofabric.core.sim.NamedModel;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.round.QueryRound;
import io.taofabric.transport.validator.FanOutSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What one kind of demonstration subnet serves and asks: its miners' models and its validator's round. */
interface DemoTask<Q, A> {
  /**
   * The model of miner {@code j} of {@code count}, named. Miner 0 runs the task's best model; with
   * two miners or more the last one is lazy, always giving the same answer.
   */
  NamedModel<Q, A> miner(int j, int count);

  /** {@code model} behind a miner endpoint. */
  Model serving(io.taofabric.core.model.Model<Q, A> model);

  /** A validator's rounds of this task, signed as {@code validator}, aimed at no miner yet. */
  QueryRound<Q, A> round(AeronNode node, SigningKey validator, FanOutSettings replies, Duration timeout);

  /**
   * One round: each of its queries' scores of every miner {@code round} is aimed at, by hotkey, the
   * challenges drawn with {@code random}.
   */
  List<Map<String, Double>> play(QueryRound<Q, A> round, Random random);

  /** How the task's validators turn a tempo's scores into weights. */
  TournamentPolicy policy();
}
