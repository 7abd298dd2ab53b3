package io.taofabric.deploy.bench;

import com.typesafe.config.ConfigFactory;
import io.taofabric.deploy.bench.epoch.EpochCommand;
import io.taofabric.deploy.ledger.LedgerNode;
import io.taofabric.persistence.cassandra.CassandraSettings;
import io.taofabric.persistence.cassandra.LocalCassandra;
import io.taofabric.persistence.ledger.LedgerStoreSettings;
import io.taofabric.transport.AeronNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fabric bench}: figures with their baselines from the same run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print each figure beside a baseline measured in the same run.",
    subcommands = {EpochCommand.class, BenchCommand.FanOutCommand.class, BenchCommand.Ledger.class, AllCommand.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code fabric bench ledger}. */
  @Command(
      name = "ledger",
      mixinStandardHelpOptions = true,
      description = {
        "Settles epochs on the ledger and replays it on a real Cassandra node (a fresh local one on",
        "free ports unless --contact-point is given), against raw driver writes and reads. Several",
        "--subnets counts grow one ledger step by step and show how settling and replay cost grow."
      })
  static final class Ledger implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--contact-point", paramLabel = "HOST:PORT", description = "Use this Cassandra instead of a fresh node.")
    String contactPoint;

    @Option(
        names = "--subnets",
        split = ",",
        paramLabel = "N",
        description = "Subnets due in the same block; each count adds that many to the ledger (default ${DEFAULT-VALUE}).")
    List<Integer> subnets = List.of(128);

    @Option(names = "--uids", description = "UIDs per subnet (default ${DEFAULT-VALUE}).")
    int uids = 256;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      List<Integer> counts = Sizes.ascending(subnets, 10_000, "--subnets", spec);
      LocalCassandra node = null;
      Path dir = null;
      String point = contactPoint;
      if (point == null) {
        dir = Files.createTempDirectory("fabric-bench-cassandra");
        node =
            new LocalCassandra(
                CassandraSettings.load().withBaseDir(dir).withCqlPort(freePort()).withStoragePort(freePort()).withHeap("512m"));
        out.println(node.start().describe());
        point = LocalCassandra.HOST + ":" + node.settings().cqlPort();
      }
      try {
        LedgerStoreSettings store =
            new LedgerStoreSettings(List.of(point), "datacenter1", "bench_" + Long.toString(System.currentTimeMillis(), 36), 1, true);
        run(out, store, node, counts);
        return 0;
      } finally {
        if (node != null) {
          out.println(node.stop().describe());
          deleteTree(dir);
        }
        out.flush();
      }
    }

    private void run(PrintWriter out, LedgerStoreSettings store, LocalCassandra node, List<Integer> counts)
        throws Exception {
      out.println(Machine.line());
      LedgerBench bench = new LedgerBench(store, uids);
      List<Growth.Point> settled = new ArrayList<>();
      List<Growth.Point> replayed = new ArrayList<>();
      try (LedgerNode ledger = LedgerNode.start(store, ConfigFactory.load())) {
        print(out, bench.oneEpoch(ledger, 1), "");
        int firstNetuid = 1_000;
        for (int count : counts) {
          LedgerBench.Figure fresh = bench.network(ledger, firstNetuid, count, 0);
          print(out, fresh, "target under one 12 s block");
          print(out, bench.network(ledger, firstNetuid, count, 1), "target under one 12 s block");
          settled.add(new Growth.Point(count, fresh.seconds()));
          firstNetuid += count;
          // the first replay pays session start and JIT warm-up; the second shows the steady rate a
          // long audit of a large ledger runs at
          LedgerBench.Figure replay = null;
          for (String pass : new String[] {"first pass", "second pass"}) {
            replay = bench.replay(ledger);
            print(
                out,
                replay,
                String.format(
                    Locale.ROOT, "%s, %.0f events/s, target 50000", pass, replay.operations() / replay.seconds()));
          }
          replayed.add(new Growth.Point(replay.operations(), replay.seconds()));
        }
      }
      Growth.describe("settling new accounts: time", "subnets", settled).ifPresent(out::println);
      Growth.describe("replay, second pass: time", "events", replayed).ifPresent(out::println);
      String cassandraRss = node == null ? "not started here" : rssMb(node.status().pid().orElse(-1)) + " MB";
      out.printf(
          Locale.ROOT,
          "memory: cassandra RSS %s, this JVM RSS %d MB (heap used %d MB)%n",
          cassandraRss,
          rssMb(ProcessHandle.current().pid()),
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private static void print(PrintWriter out, LedgerBench.Figure f, String note) {
      out.printf(
          Locale.ROOT,
          "%s: %.3f s (%d operations); baseline raw driver %.3f s; ratio %.1fx%s%n",
          f.what(),
          f.seconds(),
          f.operations(),
          f.baselineSeconds(),
          f.ratio(),
          note.isEmpty() ? "" : "; " + note);
      out.flush();
    }

    private static long rssMb(long pid) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
          }
        }
      } catch (IOException | NumberFormatException e) {
        return -1;
      }
      return -1;
    }

    private static int freePort() throws IOException {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LocalCassandra.HOST))) {
        return s.getLocalPort();
      }
    }

    private static void deleteTree(Path dir) throws IOException {
      try (var paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** {@code fabric bench fanout}. */
  @Command(
      name = "fanout",
      mixinStandardHelpOptions = true,
      description = {
        "One validator fans one signed query out to many miners (a trivial model) over Aeron UDP on",
        "127.0.0.1, then over HTTP/JSON (a JDK HttpServer per miner, one HttpClient), in the same run.",
        "Several --miners counts run one after another and show how a round's cost grows."
      })
  static final class FanOutCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--miners",
        split = ",",
        paramLabel = "N",
        description = "Miners, or several counts to sweep, e.g. 24,48,96,192 (default ${DEFAULT-VALUE}).")
    List<Integer> miners = List.of(192);

    @Option(names = "--warm-up", description = "Unmeasured rounds per transport (default ${DEFAULT-VALUE}).")
    int warmUp = 20;

    @Option(names = "--rounds", description = "Measured rounds per transport (default ${DEFAULT-VALUE}).")
    int rounds = 100;

    @Option(names = "--timeout-ms", description = "Each round's deadline (default ${DEFAULT-VALUE}).")
    long timeoutMs = 5_000;

    @Option(names = "--base-port", description = "First of the miners' UDP ports (default ${DEFAULT-VALUE}).")
    int basePort = 40_100;

    @Option(names = "--idle", description = "Aeron idle strategy: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    AeronNode.Idle idle = AeronNode.Idle.BACKOFF;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      // each miner takes a UDP port from --base-port on, and the validator the next one
      List<Integer> counts = Sizes.ascending(miners, 65_535 - basePort, "--miners", spec);
      out.println(Machine.line());
      out.printf(
          Locale.ROOT,
          "miners %s; %d warm-up + %d measured rounds per transport, deadline %d ms%n",
          counts,
          warmUp,
          rounds,
          timeoutMs);
      out.flush();
      List<Growth.Point> aeronP50 = new ArrayList<>();
      List<Growth.Point> httpP50 = new ArrayList<>();
      for (int count : counts) {
        FanOutBench bench = new FanOutBench(count, warmUp, rounds, Duration.ofMillis(timeoutMs), basePort, idle);
        FanOutBench.Figures aeron = bench.aeron();
        print(out, count, aeron);
        FanOutBench.Figures http = bench.http();
        print(out, count, http);
        out.printf(
            Locale.ROOT,
            "aeron vs http, %d miners: p99 %.1fx lower, throughput %.1fx higher%n",
            count,
            (double) http.percentileNs(0.99) / aeron.percentileNs(0.99),
            aeron.roundsPerSecond() / http.roundsPerSecond());
        out.flush();
        aeronP50.add(new Growth.Point(count, aeron.percentileNs(0.50)));
        httpP50.add(new Growth.Point(count, http.percentileNs(0.50)));
      }
      Growth.describe("aeron round p50", "miners", aeronP50).ifPresent(out::println);
      Growth.describe("http round p50", "miners", httpP50).ifPresent(out::println);
      out.flush();
      return 0;
    }

    private static void print(PrintWriter out, int miners, FanOutBench.Figures f) {
      out.printf(
          Locale.ROOT,
          "%s, %d miners: p50 %.2f ms, p99 %.2f ms, %.1f fan-outs/s; answers ok %d, failed %d%n",
          f.transport(),
          miners,
          f.percentileNs(0.50) / 1e6,
          f.percentileNs(0.99) / 1e6,
          f.roundsPerSecond(),
          f.ok(),
          f.failed());
      out.flush();
    }
  }
}
