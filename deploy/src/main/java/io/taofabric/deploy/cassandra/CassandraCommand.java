package io.taofabric.deploy.cassandra;

import io.taofabric.persistence.cassandra.CassandraSettings;
import io.taofabric.persistence.cassandra.LocalCassandra;
import io.taofabric.persistence.cassandra.LocalCassandraException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fabric cassandra}: a local Cassandra 5.0 node on 127.0.0.1, its own JVM, for development.
 * The defaults come from the {@code taofabric.cassandra} section of {@code reference.conf}; the
 * options override them. Each subcommand prints one line, on stdout if it succeeded and on stderr
 * (exit status 1) if it did not.
 */
@Command(
    name = "cassandra",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local Cassandra 5.0 node on 127.0.0.1 in its own JVM, for development.",
      "Its directory holds conf/, data/ (delete it, node stopped, to wipe the node), logs/ and"
          + " cassandra.pid."
    },
    subcommands = {
      CassandraCommand.Start.class,
      CassandraCommand.Stop.class,
      CassandraCommand.Status.class
    })
public final class CassandraCommand {
  /** Exit status when the node could not be started, stopped or inspected. */
  public static final int FAILED = 1;

  /** The options every subcommand takes. */
  static final class NodeOptions {
    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description = "The node's directory (default: ~/.taofabric/cassandra).")
    Path dir;

    @Option(names = "--port", paramLabel = "PORT", description = "The CQL port (default: 9042).")
    Integer port;

    @Option(
        names = "--storage-port",
        paramLabel = "PORT",
        description = "The inter-node port (default: 7000).")
    Integer storagePort;

    @Option(
        names = "--heap",
        paramLabel = "SIZE",
        description = "The node's heap, e.g. 512m or 1g; at least 256m (default: 512m).")
    String heap;

    @Option(
        names = "--lib",
        paramLabel = "DIR",
        description =
            "Cassandra's jars (default: persistence/cassandra-server/target/lib in the project).")
    Path lib;

    /** The configured settings with these options applied; validated. */
    CassandraSettings settings() {
      CassandraSettings s = CassandraSettings.load();
      if (dir != null) {
        s = s.withBaseDir(dir);
      }
      if (port != null) {
        s = s.withCqlPort(port);
      }
      if (storagePort != null) {
        s = s.withStoragePort(storagePort);
      }
      if (heap != null) {
        s = s.withHeap(heap);
      }
      if (lib != null) {
        s = s.withLibDir(lib);
      }
      return s;
    }
  }

  /** Runs one operation on the node and prints its one line. */
  abstract static class Operation implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin NodeOptions options = new NodeOptions();

    /** The operation, returning its one line. */
    abstract String run(LocalCassandra node);

    @Override
    public Integer call() {
      String prefix = "fabric cassandra " + spec.name() + ": ";
      try {
        String line = run(new LocalCassandra(options.settings()));
        PrintWriter out = spec.commandLine().getOut();
        out.println("cassandra: " + line);
        out.flush();
        return 0;
      } catch (IllegalArgumentException | LocalCassandraException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(prefix + e.getMessage());
        err.flush();
        return FAILED;
      }
    }
  }

  /** {@code fabric cassandra start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Starts the node unless it is running, and waits until its CQL port accepts connections"
            + " (at most taofabric.cassandra.start-timeout, 120 s by default).",
        "The node keeps running after this command returns; `fabric cassandra stop` stops it."
      })
  static final class Start extends Operation {
    @Override
    String run(LocalCassandra node) {
      return node.start().describe();
    }
  }

  /** {@code fabric cassandra stop}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description =
          "Stops the node if it runs: SIGTERM, then SIGKILL if it has not exited within"
              + " taofabric.cassandra.stop-timeout (60 s by default).")
  static final class Stop extends Operation {
    @Override
    String run(LocalCassandra node) {
      return node.stop().describe();
    }
  }

  /** {@code fabric cassandra status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Says whether the node runs, with its pid, ports, data directory and log.")
  static final class Status extends Operation {
    @Override
    String run(LocalCassandra node) {
      return node.status().describe();
    }
  }
}
