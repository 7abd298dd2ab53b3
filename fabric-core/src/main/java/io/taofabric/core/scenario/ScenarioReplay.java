package io.taofabric.core.scenario;

import io.taofabric.core.subnet.Neuron;
import io.taofabric.core.subnet.SparseRow;
import io.taofabric.core.subnet.SubnetState;
import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.YumaEpoch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays scenario steps through the subnet state machine, as the reference's tests do: epochs
 * run directly at the step's block, and their bonds, permits and emissions carry to later steps.
 */
public final class ScenarioReplay {
  private ScenarioReplay() {}

  /** The outcomes, one per step, and the final state. */
  public record Replayed(List<StepOutcome> outcomes, SubnetState finalState) {}

  /**
   * Applies {@code steps} in order to {@code initial}.
   *
   * @throws StepFailedException naming the step when a step's input is invalid
   */
  public static Replayed run(SubnetState initial, List<ScenarioStep> steps) {
    SubnetState state = initial;
    List<StepOutcome> outcomes = new ArrayList<>(steps.size());
    for (int k = 0; k < steps.size(); k++) {
      ScenarioStep step = steps.get(k);
      try {
        Applied applied = apply(state, step);
        state = applied.state();
        outcomes.add(applied.outcome());
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw new StepFailedException(k, step.op(), e.getMessage());
      }
    }
    return new Replayed(List.copyOf(outcomes), state);
  }

  private record Applied(SubnetState state, StepOutcome outcome) {}

  private static Applied apply(SubnetState state, ScenarioStep step) {
    if (step instanceof ScenarioStep.Register r) {
      SubnetState.Registration registration = state.register(r.hotkey(), r.block());
      if (registration instanceof SubnetState.Registered ok) {
        return new Applied(ok.state(), new StepOutcome.Registered(ok.uid(), null));
      }
      String reason = ((SubnetState.Rejected) registration).reason();
      return new Applied(state, new StepOutcome.Registered(-1, reason));
    }
    if (step instanceof ScenarioStep.Epoch e) {
      EpochInput input = state.epochInput(e.block());
      EpochResult result = YumaEpoch.run(input, state.params(), e.rao());
      List<String> hotkeys = state.neurons().stream().map(Neuron::hotkey).toList();
      return new Applied(state.afterEpoch(result), new StepOutcome.EpochRan(e.block(), result, hotkeys));
    }
    return new Applied(applyOther(state, step), new StepOutcome.Applied(step.op()));
  }

  private static SubnetState applyOther(SubnetState state, ScenarioStep step) {
    if (step instanceof ScenarioStep.AddStake s) {
      return state.addStake(s.uid(), s.amount());
    } else if (step instanceof ScenarioStep.SetWeights w) {
      return state.setWeights(w.uid(), w.targets(), w.values(), w.block());
    } else if (step instanceof ScenarioStep.SetParams p) {
      return state.withParams(p.change().apply(state.params()));
    } else if (step instanceof ScenarioStep.ResetBonds b) {
      return state.resetBonds(b.uid());
    }
    ScenarioStep.SetState s = (ScenarioStep.SetState) step;
    SubnetState next = state;
    if (s.validatorPermit() != null) {
      next = next.withPermits(s.validatorPermit());
    }
    if (s.lastUpdate() != null) {
      next = next.withLastUpdates(s.lastUpdate());
    }
    if (s.rawWeights() != null) {
      for (Map.Entry<Integer, SparseRow> row : s.rawWeights().entrySet()) {
        next = next.withRawWeights(row.getKey(), row.getValue());
      }
    }
    return next;
  }

  /** A step whose input the state machine refused; nothing after it ran. */
  public static final class StepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailedException(int index, String op, String reason) {
      super("step " + index + " (" + op + "): " + reason);
    }
  }
}
