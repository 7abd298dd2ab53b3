package io.taofabric.persistence.cassandra;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code LocalCassandraMain start|stop|status [--dir D] [--port P] [--storage-port P] [--heap H]
 * [--lib D]}: the {@link LocalCassandra} launcher for the build (the ITs' node, through
 * exec-maven-plugin) and for scripts. Options override the {@code taofabric.cassandra} settings.
 * Prints one line; exits 0 on success, 1 if the operation failed, 2 on a usage error.
 */
public final class LocalCassandraMain {
  private static final String USAGE =
      "usage: LocalCassandraMain start|stop|status [--dir DIR] [--port PORT]"
          + " [--storage-port PORT] [--heap SIZE] [--lib DIR]";

  private LocalCassandraMain() {}

  /** Runs one command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    String command = args[0];
    CassandraSettings settings;
    try {
      settings = withOptions(CassandraSettings.load(), args);
    } catch (IllegalArgumentException e) {
      err.println("cassandra: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    LocalCassandra node = new LocalCassandra(settings);
    try {
      switch (command) {
        case "start" -> out.println("cassandra: " + node.start().describe());
        case "stop" -> out.println("cassandra: " + node.stop().describe());
        case "status" -> out.println("cassandra: " + node.status().describe());
        default -> {
          err.println("cassandra: unknown command '" + command + "'");
          err.println(USAGE);
          return 2;
        }
      }
      return 0;
    } catch (LocalCassandraException e) {
      err.println("cassandra: " + e.getMessage());
      return 1;
    }
  }

  private static CassandraSettings withOptions(CassandraSettings settings, String[] args) {
    CassandraSettings s = settings;
    for (int i = 1; i < args.length; i += 2) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + option);
      }
      String value = args[i + 1];
      s =
          switch (option) {
            case "--dir" -> s.withBaseDir(Path.of(value));
            case "--port" -> s.withCqlPort(port(option, value));
            case "--storage-port" -> s.withStoragePort(port(option, value));
            case "--heap" -> s.withHeap(value);
            case "--lib" -> s.withLibDir(Path.of(value));
            default -> throw new IllegalArgumentException("unknown option " + option);
          };
    }
    return s;
  }

  private static int port(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number: '" + value + "'", e);
    }
  }
}
