package io.taofabric.deploy.miner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.subnet.Endpoint;
import io.taofabric.core.tx.Transaction;
import io.taofabric.core.wallet.WalletException;
import io.taofabric.deploy.cli.CliFailure;
import io.taofabric.deploy.cli.ClientCommand;
import io.taofabric.deploy.cli.GatewayClient;
import io.taofabric.deploy.cli.GatewayOptions;
import io.taofabric.deploy.cli.NetuidOption;
import io.taofabric.deploy.cli.Tao;
import io.taofabric.deploy.cli.WalletOptions;
import io.taofabric.transport.miner.MinerEndpoint.Counter;
import io.taofabric.transport.miner.PermittedCallers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fabric miner serve}: serves a model to a subnet's validators until Ctrl-C. It loads the
 * model, checks that the wallet's hotkey is registered in the subnet, listens on {@code
 * --host:--port} over Aeron UDP, announces that endpoint with a transaction the hotkey signs, and
 * then every {@code --interval} reads the metagraph again: the validators holding a permit, at
 * their stake, are the only callers answered (the highest stake first), and a line reports what
 * was answered and refused since the last one, and the miner's incentive and emission.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a model to a subnet's validators with the wallet's hotkey, which must be registered in it.",
      "Listens on --host:--port (UDP), announces it to the subnet, answers only the validators holding a"
          + " permit (highest stake first), and prints a line per interval until Ctrl-C."
    })
final class MinerServe extends ClientCommand {
  private static final int MAX_INTERVAL_SECONDS = 3_600;

  @Mixin WalletOptions wallet;
  @Mixin GatewayOptions gateway;
  @Mixin NetuidOption subnet;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "The address validators reach this miner at, announced with --port (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", required = true, paramLabel = "PORT", description = "The UDP port the miner listens on.")
  int port;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "SPEC",
      description =
          "The model: " + ModelSpec.SHAPES + "; a class implements io.taofabric.core.model.Model for the subnet's task, a"
              + " wrong name lists the built-in ones.")
  String model;

  @Option(names = "--classpath", split = ",", paramLabel = "JAR", description = "Jars or directories a class: model is loaded from (repeatable or a comma list).")
  List<Path> classpath = new ArrayList<>();

  @Option(
      names = "--task",
      paramLabel = "TASK",
      description = "The subnet's task, forecast or classification, checked against the model's (the demonstration network's odd netuids forecast, even ones classify).")
  String task;

  @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "5", description = "Seconds between two reads of the metagraph and report lines (default: ${DEFAULT-VALUE}).")
  int intervalSeconds;

  @Override
  protected void run(PrintWriter out) throws CliFailure, WalletException {
    int netuid = subnet.netuid();
    String served = servedEndpoint();
    if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
      throw CliFailure.badInput("--interval must be in [1, " + MAX_INTERVAL_SECONDS + "] seconds, got " + intervalSeconds);
    }
    try (ModelSpec.Loaded loaded = ModelSpec.load(model, classpath)) {
      checkTask(loaded);
      SigningKey hotkey = wallet.hotkey();
      GatewayClient client = gateway.client();
      SubnetView view = SubnetView.read(client, netuid, hotkey.hotkey());
      if (view.self() == null) {
        throw CliFailure.failed(notRegistered(netuid, hotkey.hotkey()));
      }
      PermittedCallers callers = new PermittedCallers();
      callers.update(view.permittedStakes());
      PrintWriter err = spec.commandLine().getErr();
      StopSignal signal = StopSignal.install();
      try (MinerService service =
          MinerService.start(served, hotkey, callers, loaded.task().serving(loaded.model()), e -> report(err, "the endpoint failed: " + e))) {
        GatewayClient.Submitted announced = client.submit(hotkey, new Transaction.ServeEndpoint(netuid, served));
        out.printf(
            Locale.ROOT,
            "miner %s (uid %d in subnet %d) serves %s (%s) on %s, announced in transaction %s; Ctrl-C stops it%n",
            hotkey.hotkey(),
            view.self().uid(),
            netuid,
            loaded.name(),
            loaded.task().optionName(),
            served,
            announced.transaction().id());
        out.flush();
        serveUntilStopped(client, netuid, hotkey.hotkey(), callers, service, out, err);
      } finally {
        // after the endpoint and the driver have stopped: a waiting Ctrl-C may now end the JVM
        signal.close();
      }
    } catch (IOException e) {
      throw CliFailure.failed("cannot close the model's class loader: " + e.getMessage());
    }
  }

  private String servedEndpoint() throws CliFailure {
    if (port < 1 || port > 65_535) {
      throw CliFailure.badInput("--port must be in [1, 65535], got " + port);
    }
    String served = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    String refusal = Endpoint.refusal(served);
    if (refusal != null) {
      throw CliFailure.badInput("--host: " + refusal);
    }
    return served;
  }

  private void checkTask(ModelSpec.Loaded loaded) throws CliFailure {
    if (task == null) {
      return;
    }
    MinerTask asked = null;
    for (MinerTask t : MinerTask.values()) {
      if (t.optionName().equals(task)) {
        asked = t;
      }
    }
    if (asked == null) {
      throw CliFailure.badInput("--task must be forecast or classification, got '" + task + "'");
    }
    if (asked != loaded.task()) {
      throw CliFailure.badInput(
          "--task " + task + " needs a " + asked.modelType() + ", but " + loaded.name() + " is a " + loaded.task().modelType());
    }
  }

  static String notRegistered(int netuid, String hotkey) {
    return "hotkey " + hotkey + " is not registered in subnet " + netuid
        + "; register it first: fabric subnet register --netuid " + netuid + " (with the same --wallet and --hotkey)";
  }

  /**
   * Reads the metagraph every interval, updates the callers, and reports, until the thread is
   * interrupted ({@link StopSignal}: Ctrl-C or SIGTERM).
   */
  private void serveUntilStopped(
      GatewayClient client, int netuid, String hotkey, PermittedCallers callers, MinerService service, PrintWriter out, PrintWriter err)
      throws CliFailure {
    Tally last = Tally.of(service);
    try {
      while (true) {
        TimeUnit.SECONDS.sleep(intervalSeconds);
        SubnetView view;
        try {
          view = SubnetView.read(client, netuid, hotkey);
        } catch (CliFailure e) {
          report(err, e.getMessage() + "; still serving the validators read before");
          continue;
        }
        if (view.self() == null) {
          throw CliFailure.failed(
              "hotkey " + hotkey + " is no longer registered in subnet " + netuid + " (pruned?); register it again: fabric subnet register --netuid " + netuid);
        }
        callers.update(view.permittedStakes());
        Tally now = Tally.of(service);
        printStatus(out, view, now.minus(last));
        last = now;
      }
    } catch (InterruptedException e) {
      out.println("miner: stopping");
      out.flush();
    }
  }

  /** What the endpoint did over an interval. */
  record Tally(long answered, long refused, long failed) {
    static Tally of(MinerService service) {
      return new Tally(
          service.count(Counter.ANSWERED),
          service.count(Counter.REJECTED) + service.count(Counter.OVERLOADED),
          service.count(Counter.MODEL_ERROR) + service.count(Counter.EXPIRED));
    }

    Tally minus(Tally earlier) {
      return new Tally(answered - earlier.answered, refused - earlier.refused, failed - earlier.failed);
    }
  }

  private void printStatus(PrintWriter out, SubnetView view, Tally interval) {
    SubnetView.Neuron self = view.self();
    if (json()) {
      ObjectNode line =
          object()
              .put("block", view.block())
              .put("epochs", view.epochs())
              .put("answered", interval.answered())
              .put("refused", interval.refused())
              .put("failed", interval.failed())
              .put("validators", view.permittedStakes().size())
              .put("uid", self.uid())
              .put("incentive", self.incentive())
              .put("emission", self.emission())
              .put("stake", self.stake());
      out.println(line);
    } else {
      out.println(statusLine(view, interval));
    }
    out.flush();
  }

  /** One report line: the interval's queries, then the miner's row after the subnet's last epoch. */
  static String statusLine(SubnetView view, Tally interval) {
    SubnetView.Neuron self = view.self();
    return String.format(
        Locale.ROOT,
        "block %d, epoch %d: answered %d, refused %d, failed %d (%d permitted validators); incentive %.4f, emission %s TAO, stake %s TAO",
        view.block(),
        view.epochs(),
        interval.answered(),
        interval.refused(),
        interval.failed(),
        view.permittedStakes().size(),
        self.incentive(),
        Tao.format(self.emission()),
        Tao.format(self.stake()));
  }

  private void report(PrintWriter err, String message) {
    err.println(spec.qualifiedName() + ": " + message);
    err.flush();
  }
}
