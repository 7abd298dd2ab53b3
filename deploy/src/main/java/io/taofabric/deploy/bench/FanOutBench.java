package io.taofabric.deploy.bench;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.miner.CallerPolicy;
import io.taofabric.transport.miner.MinerEndpoint;
import io.taofabric.transport.miner.MinerSettings;
import io.taofabric.transport.miner.Model;
import io.taofabric.transport.validator.FanOut;
import io.taofabric.transport.validator.FanOutResult;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.validator.MinerTarget;
import io.taofabric.transport.wire.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * One validator fanning one query out to many miners with a trivial model, over Aeron UDP on
 * 127.0.0.1 and over HTTP/JSON, in the same process and run. Rounds run one after another; each
 * figure is the whole round, from signing the query to the last verified answer.
 */
final class FanOutBench {
  /** The figures of one transport. */
  record Figures(String transport, long[] roundNs, double seconds, long ok, long failed) {
    long percentileNs(double p) {
      long[] sorted = roundNs.clone();
      Arrays.sort(sorted);
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    double roundsPerSecond() {
      return roundNs.length / seconds;
    }
  }

  private static final Model ECHO = query -> query;
  private static final byte[] QUERY = "what is the next value of the series 1, 1, 2, 3, 5, 8?".getBytes(StandardCharsets.UTF_8);

  private final int minerCount;
  private final int warmUp;
  private final int rounds;
  private final Duration timeout;
  private final int basePort;
  private final AeronNode.Idle idle;
  private final SigningKey validator = SigningKey.generate();
  private final List<SigningKey> miners = new ArrayList<>();
  private final CallerPolicy policy;

  FanOutBench(int minerCount, int warmUp, int rounds, Duration timeout, int basePort, AeronNode.Idle idle) {
    this.minerCount = minerCount;
    this.warmUp = warmUp;
    this.rounds = rounds;
    this.timeout = timeout;
    this.basePort = basePort;
    this.idle = idle;
    for (int i = 0; i < minerCount; i++) {
      miners.add(SigningKey.generate());
    }
    this.policy = CallerPolicy.of(Map.of(validator.hotkey(), 1_000_000L));
  }

  /**
   * Over Aeron UDP: every miner its own port on 127.0.0.1 (as separate hosts would have), the
   * validator one reply port; the miners' endpoints on one agent thread per core.
   */
  Figures aeron() throws Exception {
    try (AeronNode node = AeronNode.launch(AeronNode.Settings.defaults().withIdle(idle))) {
      List<MinerTarget> targets = new ArrayList<>();
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      List<List<Agent>> groups = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        groups.add(new ArrayList<>());
      }
      for (int i = 0; i < minerCount; i++) {
        String channel = "aeron:udp?endpoint=127.0.0.1:" + (basePort + i);
        targets.add(new MinerTarget(miners.get(i).hotkey(), channel, 1));
        groups
            .get(i % threads)
            .add(
                new MinerEndpoint(
                    node.aeron(),
                    MinerSettings.of(channel, 1).withQueue(64, 64),
                    miners.get(i),
                    policy,
                    ECHO,
                    SystemEpochClock.INSTANCE,
                    SystemNanoClock.INSTANCE));
      }
      List<AgentRunner> runners = new ArrayList<>();
      for (List<Agent> group : groups) {
        AgentRunner runner = new AgentRunner(node.newIdleStrategy(), Throwable::printStackTrace, null, new CompositeAgent(group));
        AgentRunner.startOnThread(runner);
        runners.add(runner);
      }
      String replyChannel = "aeron:udp?endpoint=127.0.0.1:" + (basePort + minerCount);
      try (FanOut fanOut =
          new FanOut(
              node.aeron(),
              validator,
              FanOutSettings.of(replyChannel, 2),
              targets,
              node.newIdleStrategy(),
              SystemEpochClock.INSTANCE,
              SystemNanoClock.INSTANCE)) {
        if (!fanOut.awaitConnected(Duration.ofSeconds(30))) {
          throw new IllegalStateException("the miners' endpoints did not connect");
        }
        return measure("aeron", () -> {
          FanOutResult round = fanOut.query(QUERY, timeout);
          long ok = round.count(Status.OK);
          return new long[] {ok, round.results().size() - ok};
        });
      } finally {
        runners.forEach(AgentRunner::close);
      }
    }
  }

  /** Over HTTP/JSON: one JDK HttpServer per miner, one JDK HttpClient. */
  Figures http() throws Exception {
    try (HttpFanOutBaseline baseline = new HttpFanOutBaseline(miners, validator, policy, ECHO)) {
      return measure("http", () -> baseline.round(QUERY, timeout));
    }
  }

  /** One round's OK and failed counts. */
  @FunctionalInterface
  private interface Round {
    long[] run() throws Exception;
  }

  private Figures measure(String transport, Round round) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      round.run();
    }
    long[] roundNs = new long[rounds];
    long ok = 0;
    long failed = 0;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      long roundStart = System.nanoTime();
      long[] counts = round.run();
      roundNs[i] = System.nanoTime() - roundStart;
      ok += counts[0];
      failed += counts[1];
    }
    return new Figures(transport, roundNs, (System.nanoTime() - start) / 1e9, ok, failed);
  }
}
