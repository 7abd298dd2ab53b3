package io.taofabric.core.tx;

import static io.taofabric.core.tx.Examples.HOTKEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.Transaction.AddStake;
import io.taofabric.core.tx.Transaction.CommitWeights;
import io.taofabric.core.tx.Transaction.RevealWeights;
import io.taofabric.core.tx.Transaction.ServeEndpoint;
import io.taofabric.core.tx.Transaction.SetHyperparameter;
import io.taofabric.core.tx.Transaction.Transfer;
import io.taofabric.core.tx.Verification.Accepted;
import io.taofabric.core.tx.Verification.Refused;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransactionVerifierTest {
  private static final long NOW = 1_700_000_000_000_000L;
  private static final SigningKey OWNER = SigningKey.generate();
  private static final SigningKey MINER = SigningKey.generate();
  private static final SigningKey STRANGER = SigningKey.generate();

  /** Subnet 3, owned by {@link #OWNER}, with {@link #MINER} registered. */
  private static final KeyDirectory NETWORK =
      new KeyDirectory() {
        @Override
        public String subnetOwner(int netuid) {
          return Map.of(3, OWNER.hotkey()).get(netuid);
        }

        @Override
        public boolean isRegistered(int netuid, String hotkey) {
          return netuid == 3 && Set.of(MINER.hotkey()).contains(hotkey);
        }
      };

  private final TransactionVerifier verifier = new TransactionVerifier(NonceFreshness.DEFAULT, new RateLimit(3, 1_000_000));

  @Test
  void shouldAcceptAFreshWellSignedTransactionUnderItsId() {
    SignedTransaction signed = SignedTransaction.sign(STRANGER, NOW, new Transfer(HOTKEY, 10));

    Accepted accepted = assertInstanceOf(Accepted.class, verifier.verify(signed, NOW, NETWORK));

    assertEquals(signed, accepted.transaction());
    assertEquals(signed.id(), accepted.operationId());
  }

  @Test
  void shouldRefuseStaleAndFutureNoncesAsUnauthorized() {
    Transaction transfer = new Transfer(HOTKEY, 10);
    long sixMinutes = 360_000_000L;

    Refused stale = refused(verifier.verify(SignedTransaction.sign(STRANGER, NOW - sixMinutes, transfer), NOW, NETWORK));
    Refused future = refused(verifier.verify(SignedTransaction.sign(STRANGER, NOW + sixMinutes, transfer), NOW, NETWORK));

    assertEquals(Refusal.STALE_NONCE, stale.refusal());
    assertEquals(Refusal.FUTURE_NONCE, future.refusal());
    assertEquals(401, stale.refusal().category().httpStatus());
    assertTrue(stale.message().contains("360 s behind"), stale.message());
    assertTrue(future.message().contains("360 s ahead"), future.message());
  }

  @Test
  void shouldRefuseABadSignatureAsUnauthorized() {
    SignedTransaction strangers = SignedTransaction.sign(STRANGER, NOW, new AddStake(3, MINER.hotkey(), 10));
    SignedTransaction forged =
        new SignedTransaction(OWNER.hotkey(), NOW, strangers.transaction(), strangers.signature());

    Refused refused = refused(verifier.verify(forged, NOW, NETWORK));

    assertEquals(Refusal.BAD_SIGNATURE, refused.refusal());
    assertEquals(Refusal.Category.UNAUTHORIZED, refused.refusal().category());
  }

  @Test
  void shouldLetOnlyARegisteredHotkeySignEndpointsAndWeights() {
    List<Transaction> hotkeyTransactions =
        List.of(
            new ServeEndpoint(3, "127.0.0.1:8091"),
            new CommitWeights(3, "ab".repeat(32)),
            new RevealWeights(3, List.of(0), List.of(1), Examples.SALT));
    for (Transaction t : hotkeyTransactions) {
      assertInstanceOf(Accepted.class, verifier.verify(SignedTransaction.sign(MINER, NOW, t), NOW, NETWORK), t.toString());

      Refused byColdkey = refused(verifier.verify(SignedTransaction.sign(OWNER, NOW, t), NOW, NETWORK));
      assertEquals(Refusal.WRONG_SIGNER, byColdkey.refusal(), t.toString());
      assertEquals(403, byColdkey.refusal().category().httpStatus());
      assertTrue(byColdkey.message().contains("registered in subnet 3"), byColdkey.message());
    }
    Refused otherSubnet =
        refused(verifier.verify(SignedTransaction.sign(MINER, NOW, new ServeEndpoint(4, "127.0.0.1:1")), NOW, NETWORK));
    assertEquals(Refusal.WRONG_SIGNER, otherSubnet.refusal());
  }

  @Test
  void shouldLetOnlyTheOwnersColdkeySetHyperparameters() {
    SetHyperparameter tempo = new SetHyperparameter(3, "tempo", "100");

    Verification byOwner = verifier.verify(SignedTransaction.sign(OWNER, NOW, tempo), NOW, NETWORK);
    Refused byMiner = refused(verifier.verify(SignedTransaction.sign(MINER, NOW, tempo), NOW, NETWORK));
    Refused noSubnet =
        refused(verifier.verify(SignedTransaction.sign(OWNER, NOW, new SetHyperparameter(9, "tempo", "100")), NOW, NETWORK));

    assertInstanceOf(Accepted.class, byOwner);
    assertEquals(Refusal.WRONG_SIGNER, byMiner.refusal());
    assertTrue(byMiner.message().contains("owner coldkey"), byMiner.message());
    assertEquals(Refusal.WRONG_SIGNER, noSubnet.refusal());
    assertTrue(noSubnet.message().contains("does not exist"), noSubnet.message());
  }

  @Test
  void shouldRateLimitEachSignerAndSayWhenToRetry() {
    for (int i = 0; i < 3; i++) {
      assertInstanceOf(Accepted.class, verifier.verify(transfer(STRANGER, NOW + i), NOW, NETWORK));
    }

    Refused limited = refused(verifier.verify(transfer(STRANGER, NOW + 3), NOW + 400_000, NETWORK));

    assertEquals(Refusal.RATE_LIMITED, limited.refusal());
    assertEquals(429, limited.refusal().category().httpStatus());
    assertEquals(600_000, limited.retryAfterMicros());
    assertInstanceOf(Accepted.class, verifier.verify(transfer(OWNER, NOW), NOW + 400_000, NETWORK), "another signer");
    assertInstanceOf(Accepted.class, verifier.verify(transfer(STRANGER, NOW + 4), NOW + 1_000_000, NETWORK));
  }

  @Test
  void shouldSpendNoTokenOnARefusedTransaction() {
    SignedTransaction stale = transfer(MINER, NOW - 600_000_000L);
    SignedTransaction forged = new SignedTransaction(MINER.hotkey(), NOW, new Transfer(HOTKEY, 10), new byte[64]);
    SignedTransaction wrongSigner = SignedTransaction.sign(MINER, NOW, new SetHyperparameter(3, "tempo", "1"));
    for (int i = 0; i < 10; i++) {
      refused(verifier.verify(stale, NOW, NETWORK));
      refused(verifier.verify(forged, NOW, NETWORK));
      refused(verifier.verify(wrongSigner, NOW, NETWORK));
    }

    assertInstanceOf(Accepted.class, verifier.verify(transfer(MINER, NOW), NOW, NETWORK));
    assertEquals(1, verifier.rateLimitedSigners());
  }

  @Test
  void shouldMapEveryRefusalToAStatusAndOnlyARateLimitToARetry() {
    assertEquals(400, Refusal.MALFORMED.category().httpStatus());
    for (Refusal refusal : Refusal.values()) {
      assertTrue(refusal.category().httpStatus() >= 400 && refusal.category().httpStatus() < 500, refusal.toString());
    }
    Refused malformed = Refused.malformed(new IllegalArgumentException("netuid must be in [1, 65535], got 0"));
    assertEquals(Refusal.MALFORMED, malformed.refusal());
    assertEquals("netuid must be in [1, 65535], got 0", malformed.message());
    assertThrows(IllegalArgumentException.class, () -> new Refused(Refusal.RATE_LIMITED, "slow down", 0));
    assertThrows(IllegalArgumentException.class, () -> new Refused(Refusal.BAD_SIGNATURE, "no", 5));
  }

  private static SignedTransaction transfer(SigningKey from, long nonce) {
    return SignedTransaction.sign(from, nonce, new Transfer(HOTKEY, 10));
  }

  private static Refused refused(Verification verification) {
    return assertInstanceOf(Refused.class, verification);
  }
}
