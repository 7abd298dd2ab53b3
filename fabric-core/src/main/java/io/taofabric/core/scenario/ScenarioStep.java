package io.taofabric.core.scenario;

import io.taofabric.core.subnet.SparseRow;
import io.taofabric.core.yuma.EpochParams;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One operation of a subnet scenario: the operations the reference's epoch tests perform, which
 * {@code fabric epoch --scenario} replays.
 */
public sealed interface ScenarioStep {

  /** Registers {@code hotkey} at {@code block}. */
  record Register(String hotkey, long block) implements ScenarioStep {
    @Override
    public String op() {
      return "register";
    }
  }

  /** Adds {@code amount} rao to the stake of the hotkey at {@code uid}. */
  record AddStake(int uid, long amount) implements ScenarioStep {
    @Override
    public String op() {
      return "add_stake";
    }
  }

  /** Sets {@code uid}'s weights (values are max-upscaled) at {@code block}. */
  record SetWeights(int uid, int[] targets, int[] values, long block) implements ScenarioStep {
    @Override
    public String op() {
      return "set_weights";
    }
  }

  /** Changes hyperparameters from the next epoch on. */
  record SetParams(UnaryOperator<EpochParams> change) implements ScenarioStep {
    @Override
    public String op() {
      return "set_param";
    }
  }

  /**
   * Overwrites stored state directly; each part is optional ({@code null} leaves it alone).
   *
   * @param validatorPermit every UID's stored permit
   * @param lastUpdate every UID's last-update block
   * @param rawWeights stored weight rows by UID, as given (no upscale)
   */
  record SetState(boolean[] validatorPermit, long[] lastUpdate, Map<Integer, SparseRow> rawWeights)
      implements ScenarioStep {
    @Override
    public String op() {
      return "set_state";
    }
  }

  /** Removes every bond on {@code uid}. */
  record ResetBonds(int uid) implements ScenarioStep {
    @Override
    public String op() {
      return "reset_bonds";
    }
  }

  /** Runs an epoch at {@code block} distributing {@code rao}. */
  record Epoch(long block, long rao) implements ScenarioStep {
    @Override
    public String op() {
      return "epoch";
    }
  }

  /** The operation's name in the scenario format. */
  String op();
}
