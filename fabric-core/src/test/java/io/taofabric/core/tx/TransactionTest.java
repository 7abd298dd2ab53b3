package io.taofabric.core.tx;

import static io.taofabric.core.tx.Examples.COLDKEY;
import static io.taofabric.core.tx.Examples.HOTKEY;
import static io.taofabric.core.tx.Examples.SALT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.emission.BlockEmission;
import io.taofabric.core.subnet.WeightCommits;
import io.taofabric.core.tx.Transaction.AddStake;
import io.taofabric.core.tx.Transaction.CommitWeights;
import io.taofabric.core.tx.Transaction.CreateSubnet;
import io.taofabric.core.tx.Transaction.Register;
import io.taofabric.core.tx.Transaction.RemoveStake;
import io.taofabric.core.tx.Transaction.RevealWeights;
import io.taofabric.core.tx.Transaction.ServeEndpoint;
import io.taofabric.core.tx.Transaction.SetHyperparameter;
import io.taofabric.core.tx.Transaction.Transfer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TransactionTest {

  @Test
  void shouldNameTheKeyThatSignsEachType() {
    Map<Class<?>, SignerRole> expected =
        Map.of(
            Transfer.class, SignerRole.COLDKEY,
            AddStake.class, SignerRole.COLDKEY,
            RemoveStake.class, SignerRole.COLDKEY,
            CreateSubnet.class, SignerRole.COLDKEY,
            Register.class, SignerRole.COLDKEY,
            SetHyperparameter.class, SignerRole.COLDKEY,
            ServeEndpoint.class, SignerRole.HOTKEY,
            CommitWeights.class, SignerRole.HOTKEY,
            RevealWeights.class, SignerRole.HOTKEY);
    for (Transaction t : Examples.oneOfEach()) {
      assertEquals(expected.get(t.getClass()), t.signerRole(), t.toString());
      if (t.signerRole() == SignerRole.HOTKEY) {
        assertTrue(t instanceof Transaction.OnSubnet, "a hotkey acts on its subnet: " + t);
      }
    }
  }

  @Test
  void shouldRefuseKeysInAnyButTheCanonicalSpelling() {
    for (String key : new String[] {null, "", "abcd", HOTKEY.toUpperCase(), HOTKEY + "00", HOTKEY.substring(2) + "zz"}) {
      assertRefused("toColdkey", () -> new Transfer(key, 1));
      assertRefused("hotkey", () -> new AddStake(1, key, 1));
      assertRefused("hotkey", () -> new Register(1, key));
      assertRefused("ownerHotkey", () -> new CreateSubnet(key));
      assertRefused("commitHash", () -> new CommitWeights(1, key));
    }
  }

  @Test
  void shouldRefuseAmountsOutsideOneRaoToTheSupply() {
    for (long rao : new long[] {0, -1, BlockEmission.MAX_SUPPLY_RAO + 1, Long.MIN_VALUE}) {
      assertRefused("rao", () -> new Transfer(COLDKEY, rao));
      assertRefused("rao", () -> new AddStake(1, HOTKEY, rao));
      assertRefused("rao", () -> new RemoveStake(1, HOTKEY, rao));
    }
    assertEquals(BlockEmission.MAX_SUPPLY_RAO, new Transfer(COLDKEY, BlockEmission.MAX_SUPPLY_RAO).rao());
  }

  @Test
  void shouldRefuseNetuidsOutsideOneToU16Max() {
    for (int netuid : new int[] {0, -1, 65_536}) {
      assertRefused("netuid", () -> new Register(netuid, HOTKEY));
      assertRefused("netuid", () -> new ServeEndpoint(netuid, "127.0.0.1:1"));
      assertRefused("netuid", () -> new SetHyperparameter(netuid, "tempo", "1"));
    }
    assertEquals(65_535, new Register(65_535, HOTKEY).netuid());
  }

  @Test
  void shouldRefuseAnEndpointThatIsNotHostAndPort() {
    for (String endpoint : new String[] {null, "", "host", "host:0", "host:65536", "a b:1", "h".repeat(300) + ":1"}) {
      assertThrows(IllegalArgumentException.class, () -> new ServeEndpoint(1, endpoint), endpoint);
    }
    assertEquals("[::1]:8091", new ServeEndpoint(1, "[::1]:8091").endpoint());
  }

  @Test
  void shouldRefuseARevealTheSubnetCouldNotMatch() {
    assertRefused("differ in length", () -> new RevealWeights(1, List.of(0, 1), List.of(1), SALT));
    assertRefused("appears twice", () -> new RevealWeights(1, List.of(2, 2), List.of(1, 1), SALT));
    assertRefused("uid 65536", () -> new RevealWeights(1, List.of(65_536), List.of(1), SALT));
    assertRefused("uid -1", () -> new RevealWeights(1, List.of(-1), List.of(1), SALT));
    assertRefused("weight 65536", () -> new RevealWeights(1, List.of(0), List.of(65_536), SALT));
    assertRefused("salt", () -> new RevealWeights(1, List.of(0), List.of(1), new byte[0]));
    assertRefused("salt", () -> new RevealWeights(1, List.of(0), List.of(1), null));
    assertRefused("salt", () -> new RevealWeights(1, List.of(0), List.of(1), new byte[Transaction.MAX_SALT_BYTES + 1]));
    List<Integer> tooMany = Collections.nCopies(Transaction.MAX_WEIGHTS + 1, 0);
    assertRefused("at most", () -> new RevealWeights(1, tooMany, tooMany, SALT));
  }

  @Test
  void shouldKeepARevealImmutable() {
    List<Integer> uids = new ArrayList<>(List.of(0, 1));
    byte[] salt = SALT.clone();
    RevealWeights reveal = new RevealWeights(3, uids, List.of(5, 6), salt);

    uids.set(0, 9);
    salt[0] = 9;
    reveal.salt()[1] = 9;

    assertEquals(List.of(0, 1), reveal.uids());
    assertArrayEquals(SALT, reveal.salt());
    assertEquals(new RevealWeights(3, List.of(0, 1), List.of(5, 6), SALT), reveal);
    assertNotEquals(new RevealWeights(3, List.of(0, 1), List.of(5, 6), new byte[] {1}), reveal);
  }

  @Test
  void shouldCommitToTheHashTheSubnetComputesFromTheReveal() {
    RevealWeights reveal = new RevealWeights(3, List.of(0, 2), List.of(65_535, 7), SALT);

    String hash = reveal.commitHash(HOTKEY);

    assertEquals(WeightCommits.hash(HOTKEY, 3, new int[] {0, 2}, new int[] {65_535, 7}, SALT), hash);
    assertEquals(hash, new CommitWeights(3, hash).commitHash());
    assertNotEquals(hash, reveal.commitHash(COLDKEY), "a commit is bound to its hotkey");
  }

  @Test
  void shouldRefuseUnknownHyperparametersAndValuesThatAreNotOneToken() {
    assertRefused("unknown hyperparameter", () -> new SetHyperparameter(1, "nope", "1"));
    assertRefused("unknown hyperparameter", () -> new SetHyperparameter(1, null, "1"));
    for (String value : new String[] {null, "", " 1", "1 ", "a\u0000", "\u00e9", "1".repeat(33)}) {
      assertRefused("value", () -> new SetHyperparameter(1, "tempo", value));
    }
    assertEquals("true", new SetHyperparameter(1, "commit_reveal_weights_enabled", "true").value());
  }

  private static void assertRefused(String expectedInMessage, Executable construction) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }
}
