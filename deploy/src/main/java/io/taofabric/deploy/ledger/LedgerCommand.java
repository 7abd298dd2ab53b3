package io.taofabric.deploy.ledger;

import static io.taofabric.deploy.Failures.rootMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.LedgerSummary;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.deploy.epoch.EpochJsonReader;
import io.taofabric.deploy.epoch.InputError;
import io.taofabric.persistence.ledger.LedgerJournal;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import io.taofabric.persistence.readmodel.BalanceReadModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fabric ledger}: the event-sourced ledger on Cassandra. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "The TAO ledger: replay and audit it, or settle a scenario's epochs on it.",
    subcommands = {LedgerCommand.Replay.class, LedgerCommand.Settle.class, LedgerCommand.Balance.class})
public final class LedgerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the journal is: taofabric.ledger, with the command line's contact points if given. */
  static LedgerStoreSettings store(List<String> contactPoints) {
    LedgerStoreSettings store = LedgerStoreSettings.from(ConfigFactory.load());
    return contactPoints == null || contactPoints.isEmpty() ? store : store.withContactPoints(contactPoints);
  }

  /**
   * An actor system that only reads the journal at {@code store}; an unreachable Cassandra fails
   * its first query at once instead of being retried in the background.
   */
  static ActorSystem<Void> reader(LedgerStoreSettings store, String name) {
    Config config =
        ConfigFactory.parseString("datastax-java-driver.advanced.reconnect-on-init = false")
            .withFallback(store.pekkoConfig())
            .withFallback(ConfigFactory.load());
    return ActorSystem.create(Behaviors.empty(), name, config);
  }

  /** {@code fabric ledger replay}. */
  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description = {
        "Reads every ledger journal from Cassandra, rebuilds every balance and checks the invariants.",
        "The last line is the summary; exit status 1 if an invariant is broken."
      })
  static final class Replay implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @Spec CommandSpec spec;

    @Option(names = "--to-block", paramLabel = "N", description = "Replay only what was applied up to block N.")
    long toBlock = Long.MAX_VALUE;

    @Option(names = "--account", paramLabel = "COLDKEY", description = "Also print this account's balances.")
    String account;

    @Option(names = "--contact-point", paramLabel = "HOST:PORT", description = "Cassandra contact point (repeatable).")
    List<String> contactPoints;

    @Option(names = "--json", description = "Print the summary as one JSON object (amounts in rao) instead of lines.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      LedgerStoreSettings store = store(contactPoints);
      ActorSystem<Void> system = reader(store, "taofabric-replay");
      try {
        LedgerSummary s =
            LedgerJournal.replayCassandra(store, system, toBlock).toCompletableFuture().get(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        if (json) {
          out.println(ReplayJson.of(s, account));
        } else {
          print(out, s);
        }
        return s.invariantsHold() ? 0 : 1;
      } catch (ExecutionException e) {
        err.println("fabric ledger replay: cannot read the journal at " + store.contactPoints() + ": " + rootMessage(e));
        return 1;
      } catch (TimeoutException e) {
        err.println("fabric ledger replay: no answer within " + TIMEOUT);
        return 1;
      } finally {
        system.terminate();
        out.flush();
        err.flush();
      }
    }

    private void print(PrintWriter out, LedgerSummary s) {
      out.printf(Locale.ROOT, "accounts: %d%n", s.accounts().size());
      out.printf(Locale.ROOT, "issuance: %s%n", tao(s.issuance()));
      out.printf(Locale.ROOT, "held:     %s%n", tao(s.held()));
      out.printf(Locale.ROOT, "burned:   %s%n", tao(s.burned()));
      out.printf(Locale.ROOT, "in flight: %s%n", tao(s.inFlight()));
      if (account != null) {
        LedgerSummary.AccountBalance a = s.accounts().get(account);
        if (a == null) {
          out.printf(Locale.ROOT, "account %s: no events%n", account);
        } else {
          out.printf(Locale.ROOT, "account %s: free %s%n", account, tao(a.free()));
          for (Map.Entry<io.taofabric.core.ledger.StakeKey, Long> stake : a.stakes().entrySet()) {
            out.printf(
                Locale.ROOT, "  stake on %s in subnet %d: %s%n", stake.getKey().hotkey(), stake.getKey().netuid(), tao(stake.getValue()));
          }
        }
      }
      out.println(s.line());
    }
  }

  /** {@code fabric ledger settle}. */
  @Command(
      name = "settle",
      mixinStandardHelpOptions = true,
      description = {
        "Runs a scenario's epochs (docs/epoch-io.md) through the engine and settles each on the ledger,",
        "crediting every UID's emission to its hotkey's coldkey (<hotkey>.cold). Settling the same",
        "scenario again changes nothing."
      })
  static final class Settle implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE", required = true, description = "The scenario to settle.")
    Path scenario;

    @Option(names = "--netuid", paramLabel = "N", description = "The subnet to settle as (default ${DEFAULT-VALUE}).")
    int netuid = 1;

    @Option(names = "--contact-point", paramLabel = "HOST:PORT", description = "Cassandra contact point (repeatable).")
    List<String> contactPoints;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<EpochSettled> epochs;
      try {
        epochs = ScenarioSettlement.epochs(EpochJsonReader.readScenario(new ObjectMapper().readTree(scenario.toFile())), netuid);
      } catch (InputError | java.io.IOException e) {
        err.println("fabric ledger settle: " + scenario + ": " + e.getMessage());
        return 2;
      }
      try (LedgerNode node = LedgerNode.start(store(contactPoints), ConfigFactory.load())) {
        ScenarioSettlement.Settled settled =
            ScenarioSettlement.settle(node.ledger(), netuid, epochs, Duration.ofMinutes(5));
        out.printf(
            Locale.ROOT,
            "settled %d epochs of subnet %d (%s); every credit confirmed%n",
            settled.epochs(),
            netuid,
            tao(settled.rao()));
        return 0;
      } catch (ExecutionException | IllegalStateException | TimeoutException e) {
        err.println("fabric ledger settle: " + rootMessage(e));
        return 1;
      } finally {
        out.flush();
        err.flush();
      }
    }
  }

  /** {@code fabric ledger balance}. */
  @Command(
      name = "balance",
      mixinStandardHelpOptions = true,
      description = {
        "Brings the local balance read model (a Chronicle Map file) up to date from the journal, from",
        "its stored offsets, and prints one account's balances from it."
      })
  static final class Balance implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Parameters(paramLabel = "COLDKEY", description = "The account.")
    String coldkey;

    @Option(names = "--read-model", paramLabel = "FILE", description = "The model's file (default ${DEFAULT-VALUE}).")
    Path file = Path.of(System.getProperty("user.home"), ".taofabric", "balances.cmap");

    @Option(names = "--expected-accounts", description = "Size the model for this many accounts (default ${DEFAULT-VALUE}).")
    long expectedAccounts = 100_000;

    @Option(names = "--contact-point", paramLabel = "HOST:PORT", description = "Cassandra contact point (repeatable).")
    List<String> contactPoints;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      LedgerStoreSettings store = store(contactPoints);
      java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
      ActorSystem<Void> system = reader(store, "taofabric-balance");
      try (BalanceReadModel model = BalanceReadModel.open(file, expectedAccounts)) {
        long start = System.nanoTime();
        long applied = LedgerJournal.catchUpCassandra(model, system).toCompletableFuture().get(30, TimeUnit.MINUTES);
        out.printf(Locale.ROOT, "read model %s: %d new events applied in %d ms%n", file, applied, (System.nanoTime() - start) / 1_000_000);
        long readStart = System.nanoTime();
        LedgerSummary.AccountBalance b = model.balance(coldkey);
        long readNanos = System.nanoTime() - readStart;
        out.printf(Locale.ROOT, "account %s: free %s (read in %.1f µs)%n", coldkey, tao(b.free()), readNanos / 1e3);
        for (Map.Entry<io.taofabric.core.ledger.StakeKey, Long> stake : b.stakes().entrySet()) {
          out.printf(
              Locale.ROOT, "  stake on %s in subnet %d: %s%n", stake.getKey().hotkey(), stake.getKey().netuid(), tao(stake.getValue()));
        }
        return 0;
      } catch (ExecutionException e) {
        err.println("fabric ledger balance: cannot read the journal at " + store.contactPoints() + ": " + rootMessage(e));
        return 1;
      } finally {
        system.terminate();
        out.flush();
        err.flush();
      }
    }
  }

  static String tao(long rao) {
    return String.format(
        Locale.ROOT, "%d rao (%d.%09d TAO)", rao, rao / BlockEmission.RAO_PER_TAO, rao % BlockEmission.RAO_PER_TAO);
  }
}
