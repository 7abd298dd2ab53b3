package io.taofabric.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.subnet.SparseRow;
import io.taofabric.core.subnet.Subnet;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetCommand.AddStake;
import io.taofabric.core.subnet.SubnetCommand.CommitWeights;
import io.taofabric.core.subnet.SubnetCommand.CreateSubnet;
import io.taofabric.core.subnet.SubnetCommand.Register;
import io.taofabric.core.subnet.SubnetCommand.RemoveStake;
import io.taofabric.core.subnet.SubnetCommand.RevealWeights;
import io.taofabric.core.subnet.SubnetCommand.RunEpoch;
import io.taofabric.core.subnet.SubnetCommand.ServeEndpoint;
import io.taofabric.core.subnet.SubnetCommand.SetHyperparameter;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;
import io.taofabric.core.subnet.SubnetEvent;
import io.taofabric.core.subnet.SubnetEvent.EpochApplied;
import io.taofabric.core.subnet.SubnetEvent.NeuronRegistered;
import io.taofabric.core.subnet.SubnetEvent.WeightsSet;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.subnet.UidEpochResult;
import io.taofabric.core.subnet.WeightCommits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.Test;

/**
 * The subnet's events and snapshots survive their stored form: every event a real {@link Subnet}
 * run produces decodes equal, the decoded journal replays to the same subnet, a snapshot at any
 * point restores it, and damaged bytes fail loudly.
 */
class SubnetCodecsTest {
  private static final CodecRegistry REGISTRY = FabricSerializer.registry();
  private static final long TAO = BlockEmission.RAO_PER_TAO;
  private static final int NETUID = 1;
  private static final String OWNER = "5Fowner-cold";
  private static final String OWNER_HOTKEY = "5Howner-hot";
  private static final Base58 KEYS = new Base58();

  /** Mainnet defaults with no rate limit, a cheap burn and tempo 9: epochs at blocks 8, 18, 28, … */
  private static SubnetHyperparameters quick() {
    return SubnetHyperparameters.DEFAULTS
        .with("weights_rate_limit", 0)
        .with("min_burn", 0)
        .with("burn", 10)
        .with("tempo", 9);
  }

  @Test
  void shouldRoundTripEveryEventOfARealSubnetRun() {
    List<SubnetEvent> journal = realRun();
    Set<Class<?>> seen = new HashSet<>();
    for (SubnetEvent e : journal) {
      seen.add(e.getClass());
      assertEquals(e, REGISTRY.decode(REGISTRY.encode(e)), () -> "round trip of " + e);
    }
    for (Class<?> type : SubnetEvent.class.getPermittedSubclasses()) {
      assertTrue(seen.contains(type), "the run produced no " + type.getSimpleName());
    }
    assertTrue(
        journal.stream().anyMatch(e -> e instanceof NeuronRegistered r && r.replacedHotkey() != null),
        "a replacement");
    assertTrue(
        journal.stream().anyMatch(e -> e instanceof NeuronRegistered r && r.replacedHotkey() == null),
        "a registration on a free slot");
  }

  @Test
  void shouldReplayTheDecodedJournalToTheSameSubnet() {
    List<SubnetEvent> journal = realRun();
    Subnet live = replay(journal);
    List<SubnetEvent> decoded = new ArrayList<>();
    for (SubnetEvent e : journal) {
      decoded.add((SubnetEvent) REGISTRY.decode(REGISTRY.encode(e)));
    }
    assertEquals(live, replay(decoded));
    assertEquals(4, live.epochsApplied());
  }

  @Test
  void shouldRoundTripTheSnapshotAfterEveryEventOfARealSubnetRun() {
    List<SubnetEvent> journal = realRun();
    boolean commitPending = false;
    for (int applied = 0; applied <= journal.size(); applied++) {
      Subnet subnet = replay(journal.subList(0, applied));
      Subnet.Snapshot snapshot = subnet.snapshot();
      byte[] bytes = REGISTRY.encode(snapshot);
      Subnet.Snapshot decoded = (Subnet.Snapshot) REGISTRY.decode(bytes);
      assertEquals(snapshot, decoded, "snapshot after " + applied + " events");
      assertEquals(subnet, Subnet.restore(decoded));
      assertArrayEquals(bytes, REGISTRY.encode(decoded), "equal snapshots, equal bytes");
      commitPending |= decoded.hotkeys().values().stream().anyMatch(h -> !h.pendingCommits().isEmpty());
    }
    assertTrue(commitPending, "a snapshot with a commit pending");
  }

  @Test
  void shouldFailClearlyOnEveryTruncationOfASnapshot() {
    byte[] whole = REGISTRY.encode(replay(realRun()).snapshot());
    for (int length = 0; length < whole.length; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(cut), () -> "cut to " + cut.length + " bytes");
    }
  }

  @Test
  void shouldFailClearlyOnEveryTruncationOfEveryEvent() {
    for (SubnetEvent e : realRun()) {
      byte[] whole = REGISTRY.encode(e);
      for (int length = 0; length < whole.length; length++) {
        byte[] cut = Arrays.copyOf(whole, length);
        CorruptPayloadException thrown =
            assertThrows(
                CorruptPayloadException.class,
                () -> REGISTRY.decode(cut),
                () -> e.getClass().getSimpleName() + " cut to " + cut.length + " bytes decoded");
        assertNotNull(thrown.getMessage());
        assertFalse(thrown.getMessage().isBlank());
      }
    }
  }

  @Test
  void shouldRejectAnImpossibleRowCountWithoutAllocatingIt() {
    byte[] bytes = frame(153, out -> {
      out.writeString("5Hvalidator");
      out.writeVarInt(Integer.MAX_VALUE, true);
    });
    CorruptPayloadException e = assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(bytes));
    assertEquals("weights count 2147483647 exceeds the payload", e.getMessage());
  }

  @Test
  void shouldRejectAWeightThatIsNotAU16() {
    byte[] bytes = frame(153, out -> {
      out.writeString("5Hvalidator");
      out.writeVarInt(1, true);
      out.writeVarInt(3, false);
      out.writeVarInt(70_000, true);
      out.writeVarLong(9, true);
    });
    CorruptPayloadException e = assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(bytes));
    assertEquals("weights entry 0 70000 is not a u16", e.getMessage());
  }

  @Test
  void shouldRejectABooleanThatIsNeitherZeroNorOne() {
    byte[] bytes = frame(159, out -> {
      out.writeVarLong(0, true);
      out.writeVarLong(8, true);
      out.writeVarLong(TAO, true);
      out.writeVarInt(1, true);
      out.writeVarInt(0, true);
      out.writeString("5Hminer");
      out.writeString("5Fminer");
      out.writeVarLong(5, true);
      out.writeByte(2);
      for (int i = 0; i < 5; i++) {
        out.writeVarInt(0, true);
      }
    });
    CorruptPayloadException e = assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(bytes));
    assertEquals("validatorPermit of uid 0 is 2, not a boolean", e.getMessage());
  }

  @Test
  void shouldKeepUnsortedAndGappedRowsAsSent() {
    SparseRow row = SparseRow.of(new int[] {200, 3, 3, 65_000, 0}, new int[] {65_535, 0, 1, 127, 128});
    WeightsSet e = new WeightsSet("5Hvalidator", row, 1L << 40);
    assertEquals(e, REGISTRY.decode(REGISTRY.encode(e)));
  }

  @Test
  void shouldRefuseToStoreAMissingRequiredString() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> REGISTRY.encode(new WeightsSet(null, SparseRow.EMPTY, 1)));
    assertEquals("hotkey is null and would not decode", e.getMessage());
  }

  /**
   * 256 UIDs with SS58-length keys, 64 validators each weighting all 256 UIDs, three epochs: the
   * stored size of the last epoch, whose 64 bond rows are full.
   */
  @Test
  void shouldStoreAFullEpochCompactly() {
    SubnetHyperparameters params = quick();
    Subnet s = apply(Subnet.uncreated(NETUID), new CreateSubnet(KEYS.key(0), KEYS.key(1), params, 1), null);
    for (int uid = 1; uid < params.maxUids(); uid++) {
      s = apply(s, new Register(KEYS.key(2 * uid + 1), KEYS.key(2 * uid), "burn-" + uid, params.burn(), 1), null);
    }
    for (int uid = 0; uid < params.maxValidators(); uid++) {
      String hotkey = s.state().neurons().get(uid).hotkey();
      s = apply(s, new AddStake(hotkey, "5Fstaker", (100 + 7L * uid) * TAO, "stake-" + uid, 2), null);
    }
    SplittableRandom random = new SplittableRandom(42);
    EpochApplied last;
    for (long epochBlock = 8; epochBlock <= 28; epochBlock += 10) {
      last = (EpochApplied) events(s, new RunEpoch(epochBlock, TAO)).get(0);
      s = s.apply(last);
      for (int uid = 0; uid < params.maxValidators(); uid++) {
        List<Integer> targets = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int target = 0; target < params.maxUids(); target++) {
          targets.add(target);
          values.add(random.nextInt(65_536));
        }
        String hotkey = s.state().neurons().get(uid).hotkey();
        s = apply(s, new SetWeights(hotkey, targets, values, epochBlock + 1), null);
      }
    }
    last = (EpochApplied) events(s, new RunEpoch(38, TAO)).get(0);

    int bondRows = 0;
    int bondEntries = 0;
    int keyChars = 0;
    for (UidEpochResult u : last.uids()) {
      bondRows += u.bonds().size() > 0 ? 1 : 0;
      bondEntries += u.bonds().size();
      keyChars += u.hotkey().length() + u.coldkey().length();
    }
    byte[] bytes = REGISTRY.encode(last);
    System.out.printf(
        "EpochApplied of %d UIDs, %d bond rows, %d bond entries, %d key characters: %d bytes%n",
        last.uids().size(), bondRows, bondEntries, keyChars, bytes.length);
    assertEquals(256, last.uids().size());
    assertEquals(64, bondRows, "the validators' bond rows");
    assertTrue(bondEntries > 64 * 250, "nearly full bond rows: " + bondEntries);
    assertEquals(last, REGISTRY.decode(bytes));
    // About 3.75 bytes per bond entry (a one-byte UID delta, a u16 varint of mostly 3 bytes) plus
    // 96 bytes of keys per UID; the bound is a regression guard a few KB above that.
    assertTrue(bytes.length < 96 * 1024, "EpochApplied takes " + bytes.length + " bytes");
  }

  @Test
  void shouldBeBoundToTheFabricSerializerInPekko() {
    ActorTestKit testKit = ActorTestKit.create();
    try {
      Serialization serialization = SerializationExtension.get(testKit.system());
      List<Object> stored = new ArrayList<>(realRun());
      stored.add(replay(realRun()).snapshot());
      for (Object event : stored) {
        var serializer = assertInstanceOf(FabricSerializer.class, serialization.findSerializerFor(event));
        byte[] bytes = serialization.serialize(event).get();
        Object back =
            serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, event)).get();
        assertEquals(event, back);
      }
    } finally {
      testKit.shutdownTestKit();
    }
  }

  /**
   * The journal of a subnet driven through every kind of command: creation, registrations (one
   * replacing a staked, served hotkey), endpoints, direct weights, stake in and out,
   * hyperparameters, commit–reveal and four epochs.
   */
  private static List<SubnetEvent> realRun() {
    List<SubnetEvent> journal = new ArrayList<>();
    SubnetHyperparameters params = quick().with("max_allowed_uids", 12).with("immunity_period", 0);
    Subnet s = apply(Subnet.uncreated(NETUID), new CreateSubnet(OWNER, OWNER_HOTKEY, params, 1), journal);
    for (int i = 1; i <= 11; i++) {
      s = apply(s, new Register("5Hminer-" + i, "5Fcold-" + i, "burn-" + i, params.burn(), 1), journal);
    }
    s = apply(s, new AddStake("5Hminer-1", "5Fstaker", 100, "stake-m1", 2), journal);
    s = apply(s, new ServeEndpoint("5Hminer-1", "10.0.0.1:8091", 2), journal);
    s = apply(s, new Register("5Hnewcomer", "5Fnewcomer", "burn-new", params.burn(), 3), journal);
    s = apply(s, new AddStake(OWNER_HOTKEY, OWNER, 1_000 * TAO, "stake-owner", 3), journal);
    s = apply(s, new AddStake("5Hminer-2", "5Fcold-2", 500 * TAO, "stake-m2", 3), journal);
    s = apply(s, new ServeEndpoint("5Hminer-2", "[2001:db8::2]:8091", 3), journal);
    s = apply(
        s, new SetWeights(OWNER_HOTKEY, List.of(5, 2, 3, 11), List.of(30_000, 10_000, 20_000, 65_535), 4), journal);
    s = apply(s, new RunEpoch(8, TAO), journal);
    s = apply(s, new SetWeights("5Hminer-2", List.of(3, 4, 1), List.of(1, 2, 3), 9), journal);
    s = apply(s, new RemoveStake("5Hminer-2", "5Fcold-2", 100 * TAO, "unstake-m2", 9), journal);
    s = apply(s, new RunEpoch(18, 2 * TAO), journal);
    s = apply(s, new SetHyperparameter(OWNER, "commit_reveal_weights_enabled", "true", 19), journal);
    s = apply(s, new SetHyperparameter(OWNER, "commit_reveal_delay", "2", 19), journal);
    s = apply(s, new SetHyperparameter(OWNER, "commit_reveal_window", "20", 19), journal);
    byte[] salt = "pepper".getBytes(StandardCharsets.UTF_8);
    String hash = WeightCommits.hash(OWNER_HOTKEY, NETUID, new int[] {4, 2}, new int[] {7, 9}, salt);
    s = apply(s, new CommitWeights(OWNER_HOTKEY, hash, 20), journal);
    s = apply(s, new RunEpoch(28, TAO), journal);
    s = apply(s, new RevealWeights(OWNER_HOTKEY, List.of(4, 2), List.of(7, 9), salt, 29), journal);
    apply(s, new RunEpoch(38, TAO), journal);
    return journal;
  }

  private static Subnet replay(List<SubnetEvent> journal) {
    Subnet s = Subnet.uncreated(NETUID);
    for (SubnetEvent e : journal) {
      s = s.apply(e);
    }
    return s;
  }

  /** The subnet after {@code command}'s events, which are appended to {@code journal} (if any). */
  private static Subnet apply(Subnet s, SubnetCommand command, List<SubnetEvent> journal) {
    Subnet next = s;
    for (SubnetEvent e : events(s, command)) {
      if (journal != null) {
        journal.add(e);
      }
      next = next.apply(e);
    }
    return next;
  }

  private static List<SubnetEvent> events(Subnet s, SubnetCommand command) {
    Decision<SubnetEvent> d = s.decide(command);
    if (d instanceof Decision.Accept<SubnetEvent> accepted) {
      return accepted.events();
    }
    return fail("expected " + command + " to be accepted, got " + d);
  }

  /** Fields written by {@code body}, framed as version 1 of {@code typeId}. */
  private static byte[] frame(int typeId, Consumer<Output> body) {
    try (Output out = new Output(64, -1)) {
      out.writeVarInt(typeId, true);
      out.writeByte(1);
      body.accept(out);
      return out.toBytes();
    }
  }

  /** Deterministic 48-character base58 strings shaped like SS58 addresses. */
  private static final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    String key(int n) {
      SplittableRandom random = new SplittableRandom(n);
      StringBuilder sb = new StringBuilder("5");
      for (int i = 1; i < 48; i++) {
        sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      return sb.toString();
    }
  }
}
