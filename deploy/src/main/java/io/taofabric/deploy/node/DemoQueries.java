package io.taofabric.deploy.node;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastAnswer;
import io.taofabric.core.model.ForecastQuery;
import io.taofabric.core.model.Model;
import io.taofabric.core.scoring.Round;
import io.taofabric.core.sim.Forecasters;
import io.taofabric.core.strategy.Strategies;
import io.taofabric.core.task.ForecastChallenge;
import io.taofabric.core.task.ForecastTask;
import io.taofabric.core.task.SeriesCatalog;
import io.taofabric.core.task.TimeSeries;
import io.taofabric.transport.AeronNode;
import io.taofabric.transport.miner.CallerPolicy;
import io.taofabric.transport.miner.MinerEndpoint;
import io.taofabric.transport.miner.MinerSettings;
import io.taofabric.transport.round.ForecastServing;
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
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * The demonstration network's query path, all on the bootstrapping node: one embedded Aeron driver;
 * per miner an endpoint over UDP on 127.0.0.1 (a port each, so it can be announced as
 * {@code host:port}, which an IPC channel cannot) serving a forecaster of its own; per validator a
 * {@link QueryRound} on the forecasting task, with a signing key of its own.
 *
 * <p>The demo's hotkeys are readable names, not Ed25519 keys, so each participant gets a fresh key
 * here and this class maps the transport's hex hotkeys back to the names the metagraph knows. For the
 * same reason the miners' callers come from these keys, not from the metagraph's permits: a miner
 * admits its own subnet's validator, at the stake the bootstrap gave it.
 */
final class DemoQueries implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final int MINER_STREAM = 1_001;
  private static final int REPLY_STREAM = 2_001;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration CONNECT = Duration.ofSeconds(5);
  private static final int WINDOW = 24;
  private static final int HORIZON = 6;
  /** Windows move this many months a round, so consecutive rounds ask about different years' seasons. */
  private static final int STRIDE = 7;

  /** One validator's round and the names of the hotkeys it scores. */
  private record Subnet(QueryRound round, Map<String, String> names, AgentRunner miners) {}

  private final TimeSeries series = SeriesCatalog.CO2.load();
  private final ForecastTask task = new ForecastTask(series, WINDOW, HORIZON);
  private final AeronNode node = AeronNode.launch(AeronNode.Settings.defaults());
  private final Map<Integer, Subnet> subnets = new HashMap<>();
  private long rounds;

  /**
   * Starts {@code miners}' endpoints and {@code validatorStake}'s round for subnet {@code netuid};
   * returns each miner's announced {@code host:port}, in order. Miner {@code j} runs the
   * {@code j}-th honest forecaster (cycling, so past seven they repeat and are caught as copies); with
   * two miners or more the last one is lazy, always answering zeros.
   */
  List<String> serve(int netuid, long validatorStake, List<String> miners) {
    SigningKey validator = SigningKey.generate();
    CallerPolicy policy = CallerPolicy.of(Map.of(validator.hotkey(), validatorStake));
    List<MinerEndpoint> endpoints = new ArrayList<>();
    List<MinerTarget> targets = new ArrayList<>();
    List<String> announced = new ArrayList<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (int j = 0; j < miners.size(); j++) {
      SigningKey key = SigningKey.generate();
      String endpoint = HOST + ":" + freeUdpPort();
      String channel = "aeron:udp?endpoint=" + endpoint;
      boolean lazy = miners.size() > 1 && j == miners.size() - 1;
      endpoints.add(
          new MinerEndpoint(
              node.aeron(),
              MinerSettings.of(channel, MINER_STREAM),
              key,
              policy,
              ForecastServing.model(lazy ? lazyForecaster() : honestForecaster(j)),
              SystemEpochClock.INSTANCE,
              SystemNanoClock.INSTANCE));
      targets.add(new MinerTarget(key.hotkey(), channel, MINER_STREAM));
      names.put(key.hotkey(), miners.get(j));
      announced.add(endpoint);
    }
    AgentRunner runner = new AgentRunner(node.newIdleStrategy(), Throwable::printStackTrace, null, new CompositeAgent(endpoints));
    AgentRunner.startOnThread(runner);
    FanOutSettings replies = FanOutSettings.of("aeron:udp?endpoint=" + HOST + ":" + freeUdpPort(), REPLY_STREAM);
    QueryRound round = new QueryRound(node, validator, replies, targets, TIMEOUT);
    // a miner not connected yet only misses the first rounds (UNREACHABLE scores 0)
    round.awaitConnected(CONNECT);
    subnets.put(netuid, new Subnet(round, names, runner));
    return announced;
  }

  /**
   * One round of subnet {@code netuid}'s validator: the next window of the series asked over Aeron,
   * each miner's score by its metagraph name. The whole series is history, so every truth is
   * revealed at once; the query hides the window's position, so miners still have to forecast.
   */
  Map<String, Double> score(int netuid) {
    Subnet subnet = subnets.get(netuid);
    int span = task.lastEnd() - task.firstEnd() + 1;
    ForecastChallenge challenge = task.challengeAt(task.firstEnd() + (int) (rounds++ * STRIDE % span));
    Round<ForecastQuery, ForecastAnswer> asked = subnet.round().ask(challenge);
    Map<String, Double> scores = new HashMap<>();
    subnet.round().scores(task, challenge, asked, series.length() - 1).orElseThrow()
        .forEach((hotkey, score) -> scores.put(subnet.names().get(hotkey), score));
    return scores;
  }

  @Override
  public void close() {
    for (Subnet subnet : subnets.values()) {
      subnet.round().close();
      subnet.miners().close();
    }
    subnets.clear();
    node.close();
  }

  private static Model<ForecastQuery, ForecastAnswer> honestForecaster(int j) {
    return Forecasters.all().get(j % Forecasters.all().size()).model();
  }

  private static Model<ForecastQuery, ForecastAnswer> lazyForecaster() {
    return Strategies.<ForecastQuery, ForecastAnswer>lazyConstant("lazy", new ForecastAnswer(Doubles.of(new double[HORIZON])), 0)
        .model();
  }

  /** A UDP port free on the loopback now; the endpoint binds it a moment later. */
  private static int freeUdpPort() {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST), 0))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
