package io.taofabric.core.scoring;

/** Why a miner got its score in a round; kept so a report can say who was caught at what. */
public sealed interface Verdict {
  /** The score in [0, 1]. */
  double score();

  /** An original, on-time answer of this quality. */
  record Scored(double score) implements Verdict {
    public Scored {
      if (!(score >= 0 && score <= 1)) {
        throw new IllegalArgumentException("a score is in [0, 1], got " + score);
      }
    }
  }

  /** The answer came after the deadline: too late to be useful, and the copycat's tell. */
  record Late(long arrivalNs) implements Verdict {
    @Override
    public double score() {
      return 0;
    }
  }

  /** No usable answer. */
  record Missing(String reason) implements Verdict {
    @Override
    public double score() {
      return 0;
    }
  }

  /** The answer nearly repeats {@code original}'s, which did not arrive later. */
  record Copied(String original) implements Verdict {
    @Override
    public double score() {
      return 0;
    }
  }
}
