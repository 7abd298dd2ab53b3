package io.taofabric.persistence.cassandra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Cassandra 5.0 node on 127.0.0.1, run as its own JVM from the jars in {@link
 * CassandraSettings#libDir()} (shared/deps.md §5). {@link #start()} writes {@code conf/} into the
 * base directory, launches {@code CassandraDaemon}, records its PID in {@code cassandra.pid} and
 * returns once the CQL port accepts connections; the node outlives the JVM that started it until
 * {@link #stop()} sends it SIGTERM. Starting a running node is a no-op, and a PID file whose
 * process is gone is removed. Start and stop take a file lock in the base directory, so two
 * launchers never start two nodes on one directory.
 */
public final class LocalCassandra {
  /** The node's main class. */
  static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";

  /** Every port of the node is bound on this address only. */
  public static final String HOST = "127.0.0.1";

  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final Duration KILL_GRACE = Duration.ofSeconds(10);
  private static final int CONNECT_TIMEOUT_MS = 500;

  /** Starts a program in a session of its own, on systems that have it (util-linux). */
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final CassandraSettings settings;
  private final boolean ownSession;

  /** A launcher for the node these settings describe; nothing happens until a method is called. */
  public LocalCassandra(CassandraSettings settings) {
    this(settings, false);
  }

  private LocalCassandra(CassandraSettings settings, boolean ownSession) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ownSession = ownSession;
  }

  /**
   * This launcher, starting the node in a session of its own where the system has {@code setsid}.
   * A Ctrl-C in the terminal then reaches the JVM that started the node but not the node, so that
   * JVM can still write to it while it stops, and stop it last. A node started without it stops
   * with the build or command whose Ctrl-C it shares.
   */
  public LocalCassandra inOwnSession() {
    return new LocalCassandra(settings, true);
  }

  /** The settings this launcher uses. */
  public CassandraSettings settings() {
    return settings;
  }

  /**
   * What a node directory holds right now.
   *
   * @param running whether the PID file names a live Cassandra process of this directory
   * @param pid that process, if running
   * @param cqlAccepting whether the CQL port accepts connections
   * @param cqlPort the CQL port (the running node's own, from its cassandra.yaml)
   * @param storagePort the storage port (likewise)
   * @param dataDir where the node keeps its data
   * @param log the node's log file
   */
  public record Status(
      boolean running,
      OptionalLong pid,
      boolean cqlAccepting,
      int cqlPort,
      int storagePort,
      Path dataDir,
      Path log) {
    /** One line for people. */
    public String describe() {
      if (!running) {
        return "stopped (data in " + dataDir + ")";
      }
      return "running: pid "
          + pid.orElseThrow()
          + ", CQL on "
          + HOST
          + ":"
          + cqlPort
          + (cqlAccepting ? " (accepting connections)" : " (not accepting connections yet)")
          + ", storage port "
          + storagePort
          + ", data in "
          + dataDir
          + ", log "
          + log;
    }
  }

  /**
   * The result of {@link #start()}.
   *
   * @param status the node, running and accepting CQL connections
   * @param alreadyRunning whether the node was running before the call
   * @param took how long the call took (for a fresh start, until the CQL port accepted)
   */
  public record Started(Status status, boolean alreadyRunning, Duration took) {
    /** One line for people. */
    public String describe() {
      String where =
          "CQL on "
              + HOST
              + ":"
              + status.cqlPort()
              + ", storage port "
              + status.storagePort()
              + ", data in "
              + status.dataDir()
              + ", log "
              + status.log();
      return alreadyRunning
          ? "already running: pid " + status.pid().orElseThrow() + ", " + where
          : "started pid " + status.pid().orElseThrow() + " in " + seconds(took) + ": " + where;
    }
  }

  /**
   * The result of {@link #stop()}.
   *
   * @param pid the process that was stopped, if one was running
   * @param killed whether it had to be killed because it did not exit after SIGTERM in time
   * @param took how long the call took
   */
  public record Stopped(OptionalLong pid, boolean killed, Duration took) {
    /** One line for people. */
    public String describe() {
      if (pid.isEmpty()) {
        return "not running";
      }
      return "stopped pid "
          + pid.getAsLong()
          + " in "
          + seconds(took)
          + (killed ? " (killed: it did not exit after SIGTERM within the stop timeout)" : "");
    }
  }

  /**
   * Starts the node unless it is running, and waits until its CQL port accepts connections.
   *
   * @throws LocalCassandraException if the jars are missing, a port is taken, or the node exits or
   *     does not accept CQL connections within the start timeout (it is then stopped again); the
   *     message names the log to read
   */
  public Started start() {
    long t0 = System.nanoTime();
    requireJars();
    return locked("start", () -> startLocked(t0));
  }

  private Started startLocked(long t0) throws IOException {
    Optional<ProcessHandle> running = runningNode();
    if (running.isPresent()) {
      int[] ports = recordedPorts();
      awaitCql(running.get(), null, ports[0], t0);
      return new Started(status(running.get(), ports), true, since(t0));
    }
    requireFree(settings.cqlPort(), "CQL port", "--port");
    requireFree(settings.storagePort(), "storage port", "--storage-port");
    writeNodeFiles();
    Process process = launch();
    writePid(process.pid());
    awaitCql(process.toHandle(), process, settings.cqlPort(), t0);
    int[] ports = {settings.cqlPort(), settings.storagePort()};
    return new Started(status(process.toHandle(), ports), false, since(t0));
  }

  /** The node's state; removes a PID file whose process is gone. */
  public Status status() {
    Optional<ProcessHandle> running = runningNode();
    if (running.isEmpty()) {
      return new Status(
          false,
          OptionalLong.empty(),
          false,
          settings.cqlPort(),
          settings.storagePort(),
          settings.dataDir(),
          settings.systemLog());
    }
    return status(running.get(), recordedPorts());
  }

  /**
   * Whether the configured CQL port accepts connections now, whoever serves it: this directory's
   * node, or a node this launcher did not start (another directory's, or a ring's local member).
   */
  public boolean cqlAccepting() {
    return accepts(settings.cqlPort());
  }

  /**
   * Stops the node if it is running: SIGTERM, a wait of up to the stop timeout, then SIGKILL if it
   * is still there. Removes the PID file.
   */
  public Stopped stop() {
    long t0 = System.nanoTime();
    if (!Files.isDirectory(settings.baseDir())) {
      return new Stopped(OptionalLong.empty(), false, since(t0));
    }
    return locked("stop", () -> stopLocked(t0));
  }

  private Stopped stopLocked(long t0) throws IOException {
    Optional<ProcessHandle> running = runningNode();
    if (running.isEmpty()) {
      return new Stopped(OptionalLong.empty(), false, since(t0));
    }
    ProcessHandle node = running.get();
    boolean killed = terminate(node, settings.stopTimeout());
    Files.deleteIfExists(settings.pidFile());
    return new Stopped(OptionalLong.of(node.pid()), killed, since(t0));
  }

  /** The command line that starts the node, for {@link #start()} and the tests. */
  List<String> command() {
    Path conf = settings.confDir();
    List<String> cmd = new ArrayList<>();
    if (ownSession && Files.isExecutable(SETSID)) {
      // not a process group leader, the child keeps its pid: setsid execs instead of forking
      cmd.add(SETSID.toString());
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("@" + conf.resolve("jvm-server.options"));
    cmd.add("-Xms" + settings.heap());
    cmd.add("-Xmx" + settings.heap());
    cmd.add("-Xss512k");
    cmd.add("-XX:+UseG1GC");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    cmd.add("-Dcassandra.config=" + conf.resolve("cassandra.yaml").toUri());
    cmd.add("-Dlogback.configurationFile=" + conf.resolve("logback.xml"));
    cmd.add("-Dcassandra.logdir=" + settings.logDir());
    cmd.add("-Dcassandra.storagedir=" + settings.dataDir());
    cmd.add("-Dcassandra-foreground=yes");
    cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
    cmd.add("-cp");
    cmd.add(conf + File.pathSeparator + settings.libDir().resolve("*"));
    cmd.add(MAIN_CLASS);
    return cmd;
  }

  private Status status(ProcessHandle node, int[] ports) {
    return new Status(
        true,
        OptionalLong.of(node.pid()),
        accepts(ports[0]),
        ports[0],
        ports[1],
        settings.dataDir(),
        settings.systemLog());
  }

  private void requireJars() {
    Path lib = settings.libDir();
    boolean found = false;
    if (Files.isDirectory(lib)) {
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(lib, "cassandra-all-*.jar")) {
        found = jars.iterator().hasNext();
      } catch (IOException e) {
        throw new LocalCassandraException("cannot read " + lib + ": " + e, e);
      }
    }
    if (!found) {
      throw new LocalCassandraException(
          "no Cassandra jars in "
              + lib
              + ": build them with `mvn -q -pl persistence/cassandra-server package` in the project"
              + " root, or point taofabric.cassandra.lib-dir at them");
    }
  }

  /** An action that may fail with an I/O error. */
  @FunctionalInterface
  private interface IoAction<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code action} holding an exclusive lock on {@code cassandra.lock} in the base directory,
   * so that concurrent starts and stops of one directory (from several processes) take turns.
   */
  private <T> T locked(String what, IoAction<T> action) {
    try {
      Files.createDirectories(settings.baseDir());
      try (FileChannel channel =
          FileChannel.open(
              settings.baseDir().resolve("cassandra.lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        channel.lock();
        return action.run();
      }
    } catch (IOException e) {
      throw new LocalCassandraException(
          "cannot " + what + " Cassandra in " + settings.baseDir() + ": " + e, e);
    }
  }

  /** The live node of the PID file, if any; a PID file naming anything else is removed. */
  private Optional<ProcessHandle> runningNode() {
    Path pidFile = settings.pidFile();
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    Optional<ProcessHandle> node =
        readPid(pidFile)
            .flatMap(ProcessHandle::of)
            .filter(ProcessHandle::isAlive)
            .filter(this::isThisNode);
    if (node.isEmpty()) {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        throw new LocalCassandraException("cannot remove the stale " + pidFile + ": " + e, e);
      }
    }
    return node;
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      String text = Files.readString(pidFile, StandardCharsets.US_ASCII);
      return Optional.of(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a live process is this directory's Cassandra, not another process that was given the
   * PID of a node that died. Where the OS does not show command lines, a live PID is trusted.
   */
  private boolean isThisNode(ProcessHandle process) {
    Optional<String> commandLine = process.info().commandLine();
    String config = "-Dcassandra.config=" + settings.confDir().resolve("cassandra.yaml").toUri();
    return commandLine.map(c -> c.contains(MAIN_CLASS) && c.contains(config)).orElse(true);
  }

  private void writePid(long pid) throws IOException {
    Path tmp = settings.baseDir().resolve("cassandra.pid.tmp");
    Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
    Files.move(
        tmp,
        settings.pidFile(),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The ports in the running node's own cassandra.yaml: {cql, storage}. */
  private int[] recordedPorts() {
    int[] ports = {settings.cqlPort(), settings.storagePort()};
    Path yaml = settings.confDir().resolve("cassandra.yaml");
    if (!Files.exists(yaml)) {
      return ports;
    }
    try {
      for (String line : Files.readAllLines(yaml, StandardCharsets.UTF_8)) {
        if (line.startsWith("native_transport_port:")) {
          ports[0] = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
        } else if (line.startsWith("storage_port:")) {
          ports[1] = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new LocalCassandraException("cannot read the ports from " + yaml + ": " + e, e);
    }
    return ports;
  }

  private static void requireFree(int port, String what, String option) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(HOST, port));
    } catch (IOException e) {
      throw new LocalCassandraException(
          what
              + " "
              + HOST
              + ":"
              + port
              + " is already in use by another process; choose another with "
              + option);
    }
  }

  private void writeNodeFiles() throws IOException {
    Files.createDirectories(settings.confDir());
    Files.createDirectories(settings.logDir());
    Files.createDirectories(settings.dataDir());
    Path conf = settings.confDir();
    Files.writeString(conf.resolve("cassandra.yaml"), NodeFiles.cassandraYaml(settings));
    Files.writeString(conf.resolve("logback.xml"), NodeFiles.logbackXml());
    Files.writeString(conf.resolve("jvm-server.options"), NodeFiles.jvmOptions());
  }

  private Process launch() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command())
            .directory(settings.baseDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.consoleLog().toFile()));
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }

  /**
   * Waits until the CQL port accepts, the node exits, or the start timeout (counted from {@code
   * t0}) passes. A node this call launched ({@code launched} not null) is stopped on timeout.
   */
  private void awaitCql(ProcessHandle node, Process launched, int cqlPort, long t0) {
    long deadline = t0 + settings.startTimeout().toNanos();
    while (!accepts(cqlPort)) {
      // a child's own Process knows its exit status once it reports it dead
      if (launched == null ? !node.isAlive() : !launched.isAlive()) {
        deletePidFile();
        String status = launched == null ? "" : " with status " + launched.exitValue();
        throw new LocalCassandraException(
            "Cassandra (pid " + node.pid() + ") exited" + status + " during startup; see "
                + logs());
      }
      if (System.nanoTime() - deadline > 0) {
        String what =
            "Cassandra (pid "
                + node.pid()
                + ") did not accept CQL connections on "
                + HOST
                + ":"
                + cqlPort
                + " within "
                + settings.startTimeout().toSeconds()
                + " s";
        if (launched == null) {
          throw new LocalCassandraException(what + "; see " + logs());
        }
        terminate(node, KILL_GRACE);
        deletePidFile();
        throw new LocalCassandraException(what + ", so it was stopped; see " + logs());
      }
      sleep(POLL_INTERVAL);
    }
  }

  private String logs() {
    return settings.systemLog() + " and " + settings.consoleLog();
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(settings.pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, then SIGKILL after {@code timeout}; returns whether the process had to be killed. */
  private static boolean terminate(ProcessHandle process, Duration timeout) {
    process.destroy();
    if (awaitExit(process, timeout)) {
      return false;
    }
    process.destroyForcibly();
    if (!awaitExit(process, KILL_GRACE)) {
      throw new LocalCassandraException(
          "Cassandra (pid " + process.pid() + ") did not exit even after SIGKILL");
    }
    return true;
  }

  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new LocalCassandraException("cannot wait for pid " + process.pid() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalCassandraException("interrupted while waiting for pid " + process.pid(), e);
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalCassandraException("interrupted while waiting for Cassandra to start", e);
    }
  }

  private static Duration since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
