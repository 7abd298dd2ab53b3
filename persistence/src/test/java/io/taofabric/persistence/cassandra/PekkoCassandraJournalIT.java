package io.taofabric.persistence.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceInit;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pekko Persistence on the build's Cassandra node: an EventSourcedBehavior persists events, its
 * ActorSystem terminates, and a fresh ActorSystem recovers the same state from the journal.
 */
@Timeout(180)
class PekkoCassandraJournalIT {
  private static final Duration INIT_TIMEOUT = Duration.ofSeconds(60);

  /** The journal on the IT node, one keyspace for this class, schema created by the plugin. */
  private static Config config() {
    String today = LocalDate.now(ZoneOffset.UTC).toString().replace("-", "");
    return ConfigFactory.parseString(
            String.join(
                "\n",
                "pekko.loglevel = WARNING",
                "pekko.actor.serialization-bindings {",
                "  \"" + CborMessage.class.getName() + "\" = jackson-cbor",
                "}",
                "pekko.persistence.journal.plugin = \"pekko.persistence.cassandra.journal\"",
                "pekko.persistence.snapshot-store.plugin = \"pekko.persistence.cassandra.snapshot\"",
                "pekko.persistence.cassandra {",
                "  journal.keyspace = taofabric_it_pekko_journal",
                "  journal.keyspace-autocreate = on",
                "  journal.tables-autocreate = on",
                "  snapshot.keyspace = taofabric_it_pekko_snapshot",
                "  snapshot.keyspace-autocreate = on",
                "  snapshot.tables-autocreate = on",
                // the default (2015) makes a tag query scan every hour since
                "  events-by-tag.first-time-bucket = \"" + today + "T00:00\"",
                "}",
                "datastax-java-driver {",
                "  basic.contact-points = [\"" + ItNode.HOST + ":" + ItNode.CQL_PORT + "\"]",
                "  basic.load-balancing-policy.local-datacenter = " + ItNode.DATACENTER,
                "  advanced.reconnect-on-init = true",
                "}"))
        .withFallback(ConfigFactory.load());
  }

  /** Marker of this test's messages, bound to jackson-cbor above. */
  interface CborMessage {}

  /** A running total: the smallest entity that persists events and recovers from them. */
  static final class Counter
      extends EventSourcedBehavior<Counter.Command, Counter.Added, Counter.State> {
    sealed interface Command extends CborMessage {}

    record Add(int amount, ActorRef<State> replyTo) implements Command {}

    record Get(ActorRef<State> replyTo) implements Command {}

    record Added(int amount) implements CborMessage {}

    record State(int total, int events) implements CborMessage {}

    static Behavior<Command> create(String id) {
      return new Counter(PersistenceId.of("ItCounter", id));
    }

    private Counter(PersistenceId id) {
      super(id);
    }

    @Override
    public State emptyState() {
      return new State(0, 0);
    }

    @Override
    public CommandHandler<Command, Added, State> commandHandler() {
      return newCommandHandlerBuilder()
          .forAnyState()
          .onCommand(Add.class, this::onAdd)
          .onCommand(Get.class, (state, get) -> Effect().none().thenReply(get.replyTo(), s -> s))
          .build();
    }

    private Effect<Added, State> onAdd(State state, Add add) {
      return Effect().persist(new Added(add.amount())).thenReply(add.replyTo(), s -> s);
    }

    @Override
    public EventHandler<State, Added> eventHandler() {
      return newEventHandlerBuilder()
          .forAnyState()
          .onEvent(Added.class, (state, e) -> new State(state.total() + e.amount(), state.events() + 1))
          .build();
    }
  }

  @BeforeAll
  static void requireNode() {
    ItNode.requireRunning();
  }

  private static ActorTestKit startSystem(String name) {
    ActorTestKit kit = ActorTestKit.create(name, config());
    try {
      PersistenceInit.initializeDefaultPlugins(kit.system(), INIT_TIMEOUT)
          .toCompletableFuture()
          .get(INIT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (Exception e) {
      kit.shutdownTestKit();
      throw new AssertionError("the Cassandra journal did not initialise: " + e, e);
    }
    return kit;
  }

  @Test
  void shouldRecoverPersistedEventsInAFreshActorSystem() {
    String id = UUID.randomUUID().toString();

    ActorTestKit first = startSystem("journal-it-write");
    try {
      ActorRef<Counter.Command> counter = first.spawn(Counter.create(id));
      TestProbe<Counter.State> replies = first.createTestProbe();
      for (int amount = 1; amount <= 5; amount++) {
        counter.tell(new Counter.Add(amount, replies.ref()));
        assertEquals(amount, replies.receiveMessage(Duration.ofSeconds(30)).events());
      }
    } finally {
      first.shutdownTestKit();
    }

    ActorTestKit second = startSystem("journal-it-recover");
    try {
      ActorRef<Counter.Command> counter = second.spawn(Counter.create(id));
      TestProbe<Counter.State> replies = second.createTestProbe();
      counter.tell(new Counter.Get(replies.ref()));

      assertEquals(new Counter.State(15, 5), replies.receiveMessage(Duration.ofSeconds(30)));
    } finally {
      second.shutdownTestKit();
    }
  }
}
