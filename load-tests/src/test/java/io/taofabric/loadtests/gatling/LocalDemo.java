package io.taofabric.loadtests.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code fabric demo --keep-running} in a JVM of its own, as deploy's build left it (deploy.jar and
 * its jars, the project's JVM flags), journaling on the Cassandra node that serves {@code
 * cqlPort}, its gateway on a free port. Its own JVM because the node's Cassandra driver runs on
 * Netty 4.1 and Gatling on 4.2, which cannot share a class path; and so the load generator's
 * garbage collection does not pause the node it measures.
 */
final class LocalDemo {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path DEPLOY = ROOT.resolve("deploy").resolve("target");
  private static final String KEYSPACE = "taofabric_demo";
  private static final int SETTLING_BLOCKS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final int cqlPort;
  private final Process process;
  private final Path log;
  private final String gateway;

  private LocalDemo(int cqlPort, Process process, Path log, String gateway) {
    this.cqlPort = cqlPort;
    this.process = process;
    this.log = log;
    this.gateway = gateway;
  }

  /** Starts the demo and returns once its gateway answers {@code /health}, or fails after {@code startup}. */
  static LocalDemo start(int cqlPort, Path dir, Duration startup) throws IOException, InterruptedException {
    String gateway = "http://127.0.0.1:" + freePort();
    Path log = dir.resolve("demo.log");
    Process process = fabric(cqlPort, List.of("-Dtaofabric.gateway.port=" + URI.create(gateway).getPort()),
            "demo", "--keep-running", "--wallet-path", dir.resolve("wallets").toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    LocalDemo demo = new LocalDemo(cqlPort, process, log, gateway);
    try {
      demo.awaitHealth(startup);
    } catch (IOException | InterruptedException | RuntimeException e) {
      demo.stop();
      throw e;
    }
    return demo;
  }

  String gateway() {
    return gateway;
  }

  /**
   * {@code fabric ledger replay --json --account coldkey} on the demo's journal, up to the block the
   * network is at now and once a few more have passed: a live journal's tail may hold an epoch's
   * credits before the settlement they come from, which the replay calls a broken invariant.
   */
  JsonNode replay(String coldkey) throws IOException, InterruptedException {
    long now = block();
    while (block() < now + SETTLING_BLOCKS) {
      TimeUnit.MILLISECONDS.sleep(250);
    }
    Process replay = fabric(cqlPort, List.of("-Dtaofabric.ledger.keyspace=" + KEYSPACE),
            "ledger", "replay", "--json", "--account", coldkey, "--to-block", Long.toString(now), "--contact-point", "127.0.0.1:" + cqlPort)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    byte[] out = replay.getInputStream().readAllBytes();
    // exit status 1 with a JSON summary: an invariant is broken, which the caller asserts on
    if (replay.waitFor() > 1 || out.length == 0) {
      throw new IllegalStateException("fabric ledger replay exited " + replay.exitValue() + ": " + new String(out));
    }
    return JSON.readTree(out);
  }

  /** The network's block, as subnet 1's metagraph reads it. */
  private long block() throws IOException, InterruptedException {
    HttpRequest metagraph = HttpRequest.newBuilder(URI.create(gateway + "/v1/subnets/1/metagraph?fields=uid")).build();
    return JSON.readTree(CLIENT.send(metagraph, HttpResponse.BodyHandlers.ofString()).body()).get("block").asLong();
  }

  /** Stops the demo as Ctrl-C would (its shutdown hook stops the node; the Cassandra node was not its own). */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private void awaitHealth(Duration startup) throws IOException, InterruptedException {
    HttpRequest health = HttpRequest.newBuilder(URI.create(gateway + "/health")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + startup.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the demo ended early:\n" + Files.readString(log));
      }
      try {
        if (CLIENT.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the gateway binds its port once the node is up
      }
      TimeUnit.SECONDS.sleep(1);
    }
    throw new IllegalStateException("the demo's gateway did not answer within " + startup + ":\n" + Files.readString(log));
  }

  /** bin/fabric's command line, without its rebuild when a source is newer than the jar. */
  private static ProcessBuilder fabric(int cqlPort, List<String> properties, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + DEPLOY.resolve("jvm.options"));
    command.add("-Dtaofabric.home=" + ROOT);
    command.add("-Dtaofabric.cassandra.cql-port=" + cqlPort);
    command.addAll(properties);
    command.add("-cp");
    command.add(DEPLOY.resolve("deploy.jar") + ":" + DEPLOY.resolve("lib") + "/*");
    command.add("io.taofabric.deploy.FabricCli");
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
