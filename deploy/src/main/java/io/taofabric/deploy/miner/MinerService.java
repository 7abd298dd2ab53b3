package io.taofabric.deploy.miner;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.ServedEndpoint;
import io.taofabric.transport.miner.MinerEndpoint;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.miner.PermittedCallers;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * One miner's query path: an embedded Aeron media driver and a {@link MinerEndpoint} on the served
 * {@code host:port} (the network's one miner stream), answering as the hotkey, admitting the
 * {@link PermittedCallers} its owner keeps current, on a thread of its own. Closing stops the
 * endpoint, then the driver.
 */
final class MinerService implements AutoCloseable {
  private final AeronNode node;
  private final MinerEndpoint endpoint;
  private final AgentRunner runner;

  private MinerService(AeronNode node, MinerEndpoint endpoint, AgentRunner runner) {
    this.node = node;
    this.endpoint = endpoint;
    this.runner = runner;
  }

  /**
   * Listens on {@code served} ({@code host:port}) as {@code hotkey}, serving {@code model} to
   * {@code callers}; an error of the duty cycle goes to {@code errors}.
   */
  static MinerService start(String served, SigningKey hotkey, PermittedCallers callers, Model model, ErrorHandler errors)
      throws CliFailure {
    AeronNode node = AeronNode.launch(AeronNode.Settings.defaults());
    MinerEndpoint endpoint;
    try {
      endpoint =
          new MinerEndpoint(
              node.aeron(), ServedEndpoint.listening(served), hotkey, callers, model, SystemEpochClock.INSTANCE, SystemNanoClock.INSTANCE);
    } catch (RuntimeException e) {
      node.close();
      throw CliFailure.failed("cannot listen on UDP " + served + ": " + e.getMessage());
    }
    AgentRunner runner = new AgentRunner(node.newIdleStrategy(), errors, null, endpoint);
    AgentRunner.startOnThread(runner);
    return new MinerService(node, endpoint, runner);
  }

  /** The endpoint's counts so far. */
  long count(MinerEndpoint.Counter counter) {
    return endpoint.counters().get(counter);
  }

  /** Stops the endpoint (its runner closes it), then the driver. */
  @Override
  public void close() {
    runner.close();
    node.close();
  }
}
