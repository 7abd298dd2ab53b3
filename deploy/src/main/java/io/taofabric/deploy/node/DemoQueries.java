package io.taofabric.deploy.node;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.scoring.TempoScores;
import io.taofabric.core.sim.NamedModel;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.ServedEndpoint;
import io.taofabric.transport.miner.MinerEndpoint;
import io.taofabric.transport.miner.PermittedCallers;
import io.taofabric.transport.round.QueryRound;
import io.taofabric.transport.validator.FanOutSettings;
import io.taofabric.transport.validator.MinerTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The demonstration network's query path, all on the bootstrapping node: one embedded Aeron driver;
 * per miner an endpoint over UDP on 127.0.0.1 (a port each, so it can be announced as
 * {@code host:port}, which an IPC channel cannot) serving a model of its subnet's kind; per
 * validator (one or more per subnet) a {@link QueryRound} of that kind, signing with the
 * validator's key.
 *
 * <p>Both sides follow the subnet's metagraph, read once per round ({@link #play}): the miners admit
 * exactly the validators it gives a permit, at their stake, and the validator asks the miners that
 * served an endpoint through the subnet. A real miner and validator would each read it themselves;
 * here one read serves both, since they run in one process.
 */
final class DemoQueries implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final int REPLY_STREAM = 2_001;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CONNECT = Duration.ofSeconds(5);

  /** A miner's announced endpoint and the name of the model it serves. */
  record ServedMiner(String endpoint, String model) {}

  /** One validator of a subnet: its key, its rounds and the scores of the tempo so far. */
  private static final class Validator<Q, A> {
    private final SigningKey key;
    private final QueryRound<Q, A> round;
    private TempoScores tempoScores = TempoScores.none();

    private Validator(SigningKey key, QueryRound<Q, A> round) {
      this.key = key;
      this.round = round;
    }

    /** Plays a round of tempo {@code tempo} drawn with {@code random}: the tempo's rewards so far. */
    private Map<String, Double> play(DemoTask<Q, A> task, List<MinerTarget> targets, long tempo, Random random) {
      // a miner not connected yet only misses the first rounds (UNREACHABLE scores 0)
      round.aim(targets, CONNECT);
      for (Map<String, Double> query : task.play(round, random)) {
        tempoScores = tempoScores.with(tempo, query);
      }
      return task.policy().rewards(tempoScores);
    }
  }

  /** One subnet's miners, their callers, and its validators. */
  private static final class Subnet<Q, A> {
    private final DemoTask<Q, A> task;
    private final List<Validator<Q, A>> validators;
    private final PermittedCallers callers;
    private final List<MinerEndpoint> endpoints;
    private final AgentRunner miners;

    private Subnet(
        DemoTask<Q, A> task,
        List<Validator<Q, A>> validators,
        PermittedCallers callers,
        List<MinerEndpoint> endpoints,
        AgentRunner miners) {
      this.task = task;
      this.validators = validators;
      this.callers = callers;
      this.endpoints = endpoints;
      this.miners = miners;
    }

    /**
     * A round of each validator holding a permit in {@code metagraph}, by hotkey. Each draws its
     * challenges from a generator seeded alike, so all of them ask the same.
     */
    private Map<String, Map<String, Double>> play(Metagraph metagraph, Map<String, Long> permitted) {
      Map<String, Map<String, Double>> rewards = new LinkedHashMap<>();
      long seed = Objects.hash(metagraph.netuid(), metagraph.block());
      for (Validator<Q, A> validator : validators) {
        String self = validator.key.hotkey();
        if (permitted.containsKey(self)) {
          List<MinerTarget> targets = new ArrayList<>();
          metagraph.servedEndpoints().forEach((hotkey, endpoint) -> {
            if (!hotkey.equals(self)) {
              targets.add(ServedEndpoint.target(hotkey, endpoint));
            }
          });
          rewards.put(self, validator.play(task, targets, metagraph.epochs(), new Random(seed)));
        }
      }
      return rewards;
    }

    private void close() {
      for (Validator<Q, A> validator : validators) {
        validator.round.close();
      }
      miners.close();
    }
  }

  private final AeronNode node = AeronNode.launch(AeronNode.Settings.defaults());
  private final Map<Integer, Subnet<?, ?>> subnets = new HashMap<>();

  /**
   * Starts the endpoints of subnet {@code netuid}'s miners, of {@code kind}, answering as {@code
   * miners}' keys, and the rounds of its validators, each signing as its own key; returns each
   * miner's announced {@code host:port} and model, in order. Miner 0 serves the kind's best model,
   * and with two miners or more the last one is lazy. Nobody may query the miners until the first
   * {@link #play}.
   */
  List<ServedMiner> serve(int netuid, DemoKind kind, List<SigningKey> validators, List<SigningKey> miners) {
    return kind == DemoKind.FORECASTING
        ? serve(netuid, new ForecastDemo(), validators, miners)
        : serve(netuid, new DigitDemo(), validators, miners);
  }

  private <Q, A> List<ServedMiner> serve(
      int netuid, DemoTask<Q, A> task, List<SigningKey> validatorKeys, List<SigningKey> miners) {
    PermittedCallers callers = new PermittedCallers();
    List<MinerEndpoint> endpoints = new ArrayList<>();
    List<ServedMiner> served = new ArrayList<>();
    for (int j = 0; j < miners.size(); j++) {
      NamedModel<Q, A> model = task.miner(j, miners.size());
      String endpoint = freeEndpoint();
      endpoints.add(
          new MinerEndpoint(
              node.aeron(),
              ServedEndpoint.listening(endpoint),
              miners.get(j),
              callers,
              task.serving(model.model()),
              SystemEpochClock.INSTANCE,
              SystemNanoClock.INSTANCE));
      served.add(new ServedMiner(endpoint, model.name()));
    }
    AgentRunner runner = new AgentRunner(node.newIdleStrategy(), Throwable::printStackTrace, null, new CompositeAgent(endpoints));
    AgentRunner.startOnThread(runner);
    List<Validator<Q, A>> validators = new ArrayList<>();
    for (SigningKey key : validatorKeys) {
      FanOutSettings replies = FanOutSettings.of(ServedEndpoint.channel(freeEndpoint()), REPLY_STREAM);
      validators.add(new Validator<>(key, task.round(node, key, replies, TIMEOUT)));
    }
    subnets.put(netuid, new Subnet<>(task, validators, callers, endpoints, runner));
    return served;
  }

  /**
   * One round of each validator of {@code metagraph}'s subnet, after both sides have followed the
   * metagraph: each validator's rewards of the tempo so far by miner hotkey ({@link TempoScores},
   * the task's {@link io.taofabric.core.scoring.TournamentPolicy}), by validator hotkey. A
   * validator holding no permit is left out (every miner would refuse it). The challenges are
   * drawn from the subnet and the block, so every validator of a subnet asks the same in the same
   * block.
   */
  Map<String, Map<String, Double>> play(Metagraph metagraph) {
    Subnet<?, ?> subnet = subnets.get(metagraph.netuid());
    Map<String, Long> permitted = metagraph.permittedStakes();
    subnet.callers.update(permitted);
    return subnet.play(metagraph, permitted);
  }

  /** Requests the miners of subnet {@code netuid} have refused so far (no permit, bad signature, ...). */
  long refusals(int netuid) {
    long refused = 0;
    for (MinerEndpoint endpoint : subnets.get(netuid).endpoints) {
      refused += endpoint.counters().get(MinerEndpoint.Counter.REJECTED);
    }
    return refused;
  }

  /** The node's Aeron driver and client. */
  AeronNode node() {
    return node;
  }

  @Override
  public void close() {
    for (Subnet<?, ?> subnet : subnets.values()) {
      subnet.close();
    }
    subnets.clear();
    node.close();
  }

  /** {@code 127.0.0.1:port} with a UDP port free now; the caller binds it a moment later. */
  static String freeEndpoint() {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), 0))) {
      return HOST + ":" + socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
