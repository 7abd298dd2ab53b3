package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.pekko.persistence.testkit.PersistenceTestKitPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three {@link FabricNode}s in one JVM on loopback ports, the in-memory journal in place of
 * Cassandra, seen only through their management HTTP endpoints: they form one cluster, a node with
 * another shard count is refused, and a node that leaves is removed while the others stay ready.
 */
class ThreeNodeClusterTest {
  private static final String HOST = "127.0.0.1";
  private static final int SHARDS = 30;
  // generous for a 2-core CI machine; a healthy run forms the cluster in a few seconds
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Config BASE =
      PersistenceTestKitPlugin.getInstance().config().withFallback(ConfigFactory.load());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<FabricNode<NodeEntities>> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() throws ExecutionException, TimeoutException {
    for (FabricNode<NodeEntities> node : nodes) {
      node.close();
    }
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void shouldFormOneClusterRefuseAnotherShardCountAndRemoveALeavingNode() throws Exception {
    int[] ports = freePorts(8);
    String seed = HOST + ":" + ports[0];
    List<Integer> management = List.of(ports[1], ports[3], ports[5]);
    for (int i = 0; i < 3; i++) {
      nodes.add(start(ports[2 * i], seed, management.get(i), SHARDS));
    }
    Set<String> all = addresses(nodes);

    for (int port : management) {
      await(() -> upMembers(port).equals(all), "3 Up members at management port " + port);
      assertEquals(200, get(port, "/health/ready").statusCode());
      assertEquals(200, get(port, "/health/alive").statusCode());
    }

    try (FabricNode<NodeEntities> other = start(ports[6], seed, ports[7], SHARDS + 1)) {
      ExecutionException refused =
          assertThrows(ExecutionException.class, () -> other.up().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      assertEquals(IllegalStateException.class, refused.getCause().getClass());
    }

    FabricNode<NodeEntities> leaving = nodes.remove(2);
    leaving.close();
    Set<String> remaining = addresses(nodes);
    for (int port : management.subList(0, 2)) {
      await(() -> allMembers(port).equals(remaining), "the left node removed at management port " + port);
      assertEquals(200, get(port, "/health/ready").statusCode());
    }
  }

  private static FabricNode<NodeEntities> start(int port, String seed, int managementPort, int shards)
      throws ExecutionException, InterruptedException {
    NodeSettings settings =
        new NodeSettings(List.of("ledger"), HOST, port, List.of(seed), managementPort, shards, Duration.ofSeconds(7));
    FabricNode<NodeEntities> node = FabricNode.start(FabricNode.SYSTEM_NAME, settings, BASE);
    node.startManagement().toCompletableFuture().get();
    return node;
  }

  private static Set<String> addresses(List<FabricNode<NodeEntities>> nodes) {
    Set<String> addresses = new TreeSet<>();
    for (FabricNode<NodeEntities> node : nodes) {
      addresses.add(node.address());
    }
    return addresses;
  }

  private Set<String> upMembers(int managementPort) {
    return members(managementPort, true);
  }

  private Set<String> allMembers(int managementPort) {
    return members(managementPort, false);
  }

  /** The addresses in GET /cluster/members (only Up ones if asked); empty while it does not answer. */
  private Set<String> members(int managementPort, boolean upOnly) {
    Set<String> members = new TreeSet<>();
    try {
      HttpResponse<String> response = get(managementPort, "/cluster/members");
      if (response.statusCode() == 200) {
        for (JsonNode member : JSON.readTree(response.body()).get("members")) {
          if (!upOnly || member.get("status").asText().equals("Up")) {
            members.add(member.get("node").asText());
          }
        }
      }
    } catch (IOException e) {
      // not listening yet: no members seen
    }
    return members;
  }

  private HttpResponse<String> get(int managementPort, String path) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + managementPort + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE + ": " + what);
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  /** Distinct free loopback ports: all held open until each is known, so none is handed out twice. */
  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }
}
