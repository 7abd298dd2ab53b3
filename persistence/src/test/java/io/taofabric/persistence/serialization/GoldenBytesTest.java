package io.taofabric.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.Account;
import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.AccountEvent.EmissionCredited;
import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import io.taofabric.core.ledger.AccountEvent.RegistrationBurned;
import io.taofabric.core.ledger.AccountEvent.StakeAdded;
import io.taofabric.core.ledger.AccountEvent.StakeRemoved;
import io.taofabric.core.ledger.AccountEvent.SubnetLockRecycled;
import io.taofabric.core.ledger.AccountEvent.TransferDelivered;
import io.taofabric.core.ledger.AccountEvent.TransferredIn;
import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.SettlementEvent;
import io.taofabric.core.ledger.SettlementEvent.EpochCredited;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.UidEmission;
import io.taofabric.core.network.NetworkEvent;
import io.taofabric.core.network.NetworkEvent.BlockProduced;
import io.taofabric.core.network.NetworkEvent.SubnetCreated;
import io.taofabric.core.network.NetworkEvent.SubnetCreationFailed;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.participant.MinerEvent;
import io.taofabric.core.participant.PendingCommit;
import io.taofabric.core.participant.ValidatorEvent;
import io.taofabric.core.subnet.Neuron;
import io.taofabric.core.subnet.SparseRow;
import io.taofabric.core.subnet.Subnet;
import io.taofabric.core.subnet.SubnetEvent;
import io.taofabric.core.subnet.SubnetHyperparameters;
import io.taofabric.core.subnet.UidEpochResult;
import io.taofabric.core.subnet.WeightCommits.Commit;
import io.taofabric.core.subnet.WeightCommits.CommitRevealWindow;
import io.taofabric.core.subnet.WeightsPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Stored bytes are a public format: every (type, version) ever written has a golden file under
 * src/test/resources/golden that must decode in every later build. A new type or version needs
 * its file: run {@code mvn -pl persistence test -Dgolden.write=true -Dtest=GoldenBytesTest} once
 * and commit what it writes. Existing files are never rewritten.
 */
class GoldenBytesTest extends GoldenBytesContract {
  private static final CodecRegistry REGISTRY = FabricSerializer.registry();

  @Override
  protected CodecRegistry registry() {
    return REGISTRY;
  }

  /** A sample of every persisted type, in its current version. */
  @Override
  protected List<Object> samples() {
    return List.of(
        new GenesisCredited("genesis/alice", 1_000_000_000_000L, 1),
        new TransferredOut("tx-7f3a", "5Fbob", 2_500_000_000L, 1_234),
        new TransferredIn("tx-7f3a", "5Falice", 2_500_000_000L, 1_235),
        new TransferDelivered("tx-7f3a", "5Fbob", 2_500_000_000L, 1_234),
        new StakeAdded("stake-1", "5Hvalidator", 3, 400_000_000_000L, 2_000),
        new StakeRemoved("unstake-1", "5Hvalidator", 3, 100_000_000_000L, 2_100),
        new RegistrationBurned("register-9", "5Hminer", 3, 1_000_000_000L, 2_200),
        new SubnetLockRecycled("subnet-lock/4", 4, 200_000_000_000L, 2_300),
        new EmissionCredited("emission/3/41/17", 3, 41, 17, "5Hminer", 123_456_789L, 14_760),
        new EpochSettled(
            3, 41, 14_760, List.of(new UidEmission(0, "5Hvalidator", "5Falice", 150_000_000_000L), new UidEmission(17, "5Hminer", "5Fbob", 123_456_789L))),
        new EpochCredited(3, 41, 14_761),
        new Account.Snapshot(
            "5Falice",
            7_500_000_000L,
            new TreeMap<>(Map.of(new StakeKey("5Hvalidator", 3), 300_000_000_000L)),
            List.of("genesis/alice", "stake-1", "tx-7f3a", "tx-9c01"),
            List.of(new TransferredOut("tx-9c01", "5Fcarol", 700_000_000L, 1_300))),
        new BlockProduced(86_400, 1_795_000_000_000L),
        new SubnetCreationStarted(4, "5Falice", "5Halice-owner", "subnet-lock/4", 200_000_000_000L, 7_812, 2_300),
        new SubnetCreated(4, 2_301),
        new SubnetCreationFailed(5, "insufficient free balance: has 5 rao, needs 400000000000", 2_400),
        new SubnetEvent.SubnetCreated("5Falice", "5Halice-owner", subnetHyperparameters(360), 2_301),
        new SubnetEvent.NeuronRegistered(
            17, "5Hminer", "5Fbob", 2_205, "5Hold-miner", 1_000_000_000L, "register-9", 12_000_000_000L),
        new SubnetEvent.EndpointServed("5Hminer", "203.0.113.7:8091", 2_206),
        new SubnetEvent.WeightsSet(
            "5Hvalidator", SparseRow.of(new int[] {17, 2, 40}, new int[] {65_535, 12_000, 300}), 2_300),
        new SubnetEvent.WeightsCommitted("5Hvalidator", WEIGHTS_HASH, 2_310),
        new SubnetEvent.WeightsRevealed(
            "5Hvalidator", WEIGHTS_HASH, 2_310, SparseRow.of(new int[] {2, 17}, new int[] {30_000, 65_535}), 2_680),
        new SubnetEvent.StakeAdded("5Hvalidator", "5Fcarol", 400_000_000_000L, "stake-1", 2_000),
        new SubnetEvent.StakeRemoved("5Hvalidator", "5Fcarol", 100_000_000_000L, "unstake-1", 2_100),
        new SubnetEvent.HyperparameterSet("tempo", "99", subnetHyperparameters(99), 2_410),
        new SubnetEvent.EpochApplied(
            41,
            14_760,
            1_000_000_000L,
            List.of(
                new UidEpochResult(
                    0, "5Halice-owner", "5Falice", 410_958_904L, true, 0, 0, 43_690, 65_535,
                    SparseRow.of(new int[] {1, 2}, new int[] {40_000, 25_535})),
                new UidEpochResult(
                    1, "5Hvalidator", "5Fcarol", 205_479_452L, true, 21_845, 21_845, 21_845, 65_535,
                    SparseRow.of(new int[] {1, 2}, new int[] {25_535, 40_000})),
                new UidEpochResult(
                    2, "5Hminer", "5Fbob", 383_561_643L, false, 43_690, 43_690, 0, 0, SparseRow.EMPTY))),
        subnetSnapshot(),
        new ValidatorEvent.ValidatorStarted("5Hvalidator", 3),
        new ValidatorEvent.ScoresRecorded(Map.of("5Hminer", 131_000L, "5Hminer-b", 27_001L), 2_450),
        new ValidatorEvent.WeightsSubmitted(List.of(17, 40), List.of(65_535, 21_845), 2_460),
        new ValidatorEvent.WeightsCommitted(
            new PendingCommit(List.of(17, 40), List.of(65_535, 21_845), SALT, WEIGHTS_HASH, 2_470)),
        new ValidatorEvent.WeightsRevealed(2_830),
        new MinerEvent.EndpointAnnounced("203.0.113.7:8091", 2_206),
        new MinerEvent.QueriesCounted(1_200, 17, 2_500));
  }

  private static final byte[] SALT = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) 0xff};

  private static final String WEIGHTS_HASH = "9f2c4e1a7b3d5f60c8e2a4b6d8f0123456789abcdef0fedcba9876543210abcd";

  /**
   * Subnet 4 after its 41st epoch: the owner and a validator with weights and bonds, a miner
   * serving an endpoint with a commit pending, and a replaced hotkey's burn still remembered.
   */
  private static Subnet.Snapshot subnetSnapshot() {
    SparseRow ownerBonds = SparseRow.of(new int[] {1, 2}, new int[] {40_000, 25_535});
    SparseRow validatorBonds = SparseRow.of(new int[] {1, 2}, new int[] {25_535, 40_000});
    return new Subnet.Snapshot(
        4,
        "5Falice",
        subnetHyperparameters(360),
        List.of(
            new Neuron("5Halice-owner", 2_301, 14_700, true, 410_958_904L, SparseRow.of(new int[] {2}, new int[] {65_535}), ownerBonds),
            new Neuron(
                "5Hvalidator", 2_204, 14_730, true, 205_479_452L,
                SparseRow.of(new int[] {17, 2, 40}, new int[] {65_535, 12_000, 300}), validatorBonds),
            new Neuron("5Hminer", 2_205, 2_205, false, 383_561_643L, SparseRow.EMPTY, SparseRow.EMPTY)),
        Map.of("5Halice-owner", 410_958_904L, "5Hvalidator", 300_205_479_452L, "5Hminer", 0L),
        Map.of(
            "5Halice-owner", new Subnet.Snapshot.Hotkey("5Falice", null, List.of()),
            "5Hvalidator", new Subnet.Snapshot.Hotkey("5Fcarol", "203.0.113.9:8091", List.of(new Commit(WEIGHTS_HASH, 14_750))),
            "5Hminer", new Subnet.Snapshot.Hotkey("5Fbob", "203.0.113.7:8091", List.of())),
        List.of("register-9", "stake-1", "unstake-1"),
        42,
        14_760,
        List.of(
            new UidEpochResult(0, "5Halice-owner", "5Falice", 410_958_904L, true, 0, 0, 43_690, 65_535, ownerBonds),
            new UidEpochResult(1, "5Hvalidator", "5Fcarol", 205_479_452L, true, 21_845, 21_845, 21_845, 65_535, validatorBonds),
            new UidEpochResult(2, "5Hminer", "5Fbob", 383_561_643L, false, 43_690, 43_690, 0, 0, SparseRow.EMPTY)),
        14_761);
  }

  /** A subnet's hyperparameters, spelled out so the sample does not follow changes to the defaults. */
  private static SubnetHyperparameters subnetHyperparameters(int tempo) {
    return new SubnetHyperparameters(
        tempo, 256, 4_096, 64, 5_000, 32_767, 65_535, 900_000, false, true, 45_875, 58_982,
        new WeightsPolicy(100, 1, 1_000_000_000_000L), true, new CommitRevealWindow(360, 360),
        1_000_000_000L, 500_000L, 100_000_000_000L);
  }

  @Test
  void shouldHaveACodecForEveryEventType() {
    List<String> missing = new ArrayList<>();
    for (Class<?> events : List.of(AccountEvent.class, SettlementEvent.class, NetworkEvent.class, SubnetEvent.class, ValidatorEvent.class, MinerEvent.class)) {
      for (Class<?> type : events.getPermittedSubclasses()) {
        if (!REGISTRY.handles(type)) {
          missing.add(type.getName());
        }
      }
    }
    assertTrue(missing.isEmpty(), "no codec for " + missing);
  }

  @Test
  void shouldRejectTruncatedBytesClearly() {
    byte[] whole = REGISTRY.encode(samples().get(1));
    CorruptPayloadException e =
        assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(Arrays.copyOf(whole, whole.length - 3)));
    assertTrue(e.getMessage().startsWith("payload does not decode"), e.getMessage());
  }

  @Test
  void shouldRejectAnUnknownTypeId() {
    CorruptPayloadException e = assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(new byte[] {99, 1, 0}));
    assertEquals("unknown type id 99", e.getMessage());
  }

  @Test
  void shouldRejectAVersionThisBuildDoesNotKnow() {
    byte[] bytes = REGISTRY.encode(samples().get(0));
    bytes[1] = 9;
    CorruptPayloadException e = assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(bytes));
    assertEquals("GenesisCredited version 9 is not one this build reads (1..1)", e.getMessage());
  }

  @Test
  void shouldRejectTrailingBytes() {
    byte[] whole = REGISTRY.encode(new EpochCredited(3, 41, 14_761));
    byte[] longer = Arrays.copyOf(whole, whole.length + 2);
    CorruptPayloadException e = assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(longer));
    assertEquals("EpochCredited v1: 2 trailing bytes", e.getMessage());
  }

  @Test
  void shouldRejectAnImpossibleCountWithoutAllocatingIt() {
    byte[] bytes = {110, 1, 3, 41, 5, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
    CorruptPayloadException e = assertThrows(CorruptPayloadException.class, () -> REGISTRY.decode(bytes));
    assertTrue(e.getMessage().contains("emissions count"), e.getMessage());
  }

  @Test
  void shouldRefuseToEncodeATypeWithoutACodec() {
    assertThrows(IllegalArgumentException.class, () -> REGISTRY.encode("a string"));
  }
}
