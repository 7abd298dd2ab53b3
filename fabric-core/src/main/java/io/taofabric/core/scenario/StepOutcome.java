package io.taofabric.core.scenario;

import io.taofabric.core.yuma.EpochResult;
import java.util.List;

/** What one scenario step produced. */
public sealed interface StepOutcome {
  /** The step's operation name. */
  String op();

  /** A registration: the UID the hotkey got, or why it got none (nothing changed). */
  record Registered(int uid, String rejection) implements StepOutcome {
    @Override
    public String op() {
      return "register";
    }
  }

  /** An epoch's results, and the hotkey that held each UID when it ran. */
  record EpochRan(long block, EpochResult result, List<String> hotkeys) implements StepOutcome {
    public EpochRan {
      hotkeys = List.copyOf(hotkeys);
    }

    @Override
    public String op() {
      return "epoch";
    }
  }

  /** Any other operation, applied. */
  record Applied(String op) implements StepOutcome {}
}
