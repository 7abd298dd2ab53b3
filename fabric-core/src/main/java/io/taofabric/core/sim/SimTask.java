package io.taofabric.core.sim;

import io.taofabric.core.scoring.AnswerSimilarity;
import io.taofabric.core.scoring.TournamentPolicy;
import java.util.List;
import java.util.Random;

/**
 * A subnet's task as the simulation plays it. Validators draw challenges from one pool; the
 * simulation measures each miner's true quality on a held-out pool nobody scores with.
 */
public interface SimTask<Q, A> {
  /**
   * The challenge of tempo {@code tempo} drawn with {@code random}. Demand moves: a task may draw
   * from a different part of its data each tempo (another series, other digits), as users' queries
   * drift, so what was useful one tempo is not necessarily useful the next.
   */
  Challenge<Q, A> challenge(long tempo, Random random);

  /** Every held-out challenge, with its full truth; never sent by a validator. */
  List<Challenge<Q, A>> heldOut();

  /** How the task's validators turn a tempo's scores into weights. */
  TournamentPolicy policy();

  /** Which answers are too close to be independent. */
  AnswerSimilarity<Q, A> similarity();
}
