package io.taofabric.core.participant;

import io.taofabric.core.participant.ValidatorEvent.WeightsCommitted;
import io.taofabric.core.participant.ValidatorEvent.WeightsRevealed;
import io.taofabric.core.participant.ValidatorEvent.WeightsSubmitted;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetCommand.CommitWeights;
import io.taofabric.core.subnet.SubnetCommand.RevealWeights;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;

/** What a validator does with its weights this round ({@link ValidatorState#nextAction}). */
public sealed interface WeightsAction {
  /** Nothing this round, for {@code reason} (shown in logs). */
  record Nothing(String reason) implements WeightsAction {}

  /**
   * A weights transaction: {@link #command()} goes to the subnet, and only once the subnet has
   * accepted it is {@link #acknowledged()} persisted, so the validator's record never claims
   * weights the subnet does not hold.
   */
  sealed interface Submission extends WeightsAction {
    /** The command to send to the subnet. */
    SubnetCommand.Direct command();

    /** The event to persist once the subnet acknowledged {@link #command()}. */
    ValidatorEvent acknowledged();
  }

  /** Sets {@code weights} directly (commit–reveal off). */
  record Set(String hotkey, SubmittedWeights weights) implements Submission {
    @Override
    public SubnetCommand.Direct command() {
      return new SetWeights(hotkey, weights.uids(), weights.values(), weights.block());
    }

    @Override
    public ValidatorEvent acknowledged() {
      return new WeightsSubmitted(weights.uids(), weights.values(), weights.block());
    }
  }

  /** Commits the hash of {@code commit}'s weights and salt. */
  record Commit(String hotkey, PendingCommit commit) implements Submission {
    @Override
    public SubnetCommand.Direct command() {
      return new CommitWeights(hotkey, commit.hash(), commit.block());
    }

    @Override
    public ValidatorEvent acknowledged() {
      return new WeightsCommitted(commit);
    }
  }

  /** Reveals the pending {@code commit} at {@code block}. */
  record Reveal(String hotkey, PendingCommit commit, long block) implements Submission {
    @Override
    public SubnetCommand.Direct command() {
      return new RevealWeights(hotkey, commit.uids(), commit.values(), commit.salt(), block);
    }

    @Override
    public ValidatorEvent acknowledged() {
      return new WeightsRevealed(block);
    }
  }
}
