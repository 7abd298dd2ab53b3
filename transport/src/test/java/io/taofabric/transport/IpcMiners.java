package io.taofabric.transport;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.transport.miner.CallerPolicy;
import io.taofabric.transport.miner.MinerEndpoint;
import io.taofabric.transport.miner.MinerSettings;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.validator.MinerTarget;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * Miners on one embedded Aeron node over IPC, each with a fresh key and a stream of its own, for
 * tests of the validator side: all on one agent thread, except a slow one on its own so it cannot
 * hold the others up. Closing stops the miners, then the node.
 */
public final class IpcMiners implements AutoCloseable {
  /** The channel every miner and reply stream uses. */
  public static final String IPC = "aeron:ipc";

  private final AeronNode node = AeronNode.launch(AeronNode.Settings.defaults().withIdle(AeronNode.Idle.YIELDING));
  private final CallerPolicy policy;
  private final List<AgentRunner> runners = new ArrayList<>();
  private final List<MinerTarget> targets = new ArrayList<>();

  /** Miners that admit the callers of {@code policy}. */
  public IpcMiners(CallerPolicy policy) {
    this.policy = policy;
  }

  /** The node the miners run on, for the validator side. */
  public AeronNode node() {
    return node;
  }

  /** Starts {@code models} on one agent thread and {@code slow} (if any) on its own; every target so far, in order. */
  public List<MinerTarget> start(List<Model> models, Model slow) {
    List<MinerEndpoint> shared = new ArrayList<>();
    for (Model model : models) {
      shared.add(miner(model));
    }
    run(new CompositeAgent(shared));
    if (slow != null) {
      run(new CompositeAgent(miner(slow)));
    }
    return List.copyOf(targets);
  }

  private MinerEndpoint miner(Model model) {
    SigningKey key = SigningKey.generate();
    int stream = 1_000 + targets.size();
    targets.add(new MinerTarget(key.hotkey(), IPC, stream));
    return new MinerEndpoint(
        node.aeron(), MinerSettings.of(IPC, stream), key, policy, model, SystemEpochClock.INSTANCE, SystemNanoClock.INSTANCE);
  }

  private void run(CompositeAgent agent) {
    AgentRunner runner = new AgentRunner(node.newIdleStrategy(), Throwable::printStackTrace, null, agent);
    AgentRunner.startOnThread(runner);
    runners.add(runner);
  }

  @Override
  public void close() {
    runners.forEach(AgentRunner::close);
    node.close();
  }
}
