package io.taofabric.core.tx;

import static io.taofabric.core.tx.Examples.NONCE;
import static io.taofabric.core.tx.Examples.SIGNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.tx.Transaction.Transfer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SignedTransactionTest {
  private static final SigningKey MALLORY = SigningKey.generate();

  @Test
  void shouldSignAndVerifyEveryType() {
    for (Transaction t : Examples.oneOfEach()) {
      SignedTransaction signed = SignedTransaction.sign(SIGNER, NONCE, t);

      assertTrue(signed.verify(), t.toString());
      assertEquals(SIGNER.hotkey(), signed.signer());
      assertEquals(signed, SignedTransaction.decode(signed.canonicalBytes(), signed.signature()));
    }
  }

  @Test
  void shouldFailVerificationWhenAnyByteOfTheCanonicalBytesIsFlipped() {
    for (Transaction t : Examples.oneOfEach()) {
      SignedTransaction signed = SignedTransaction.sign(SIGNER, NONCE, t);
      byte[] bytes = signed.canonicalBytes();
      for (int i = 0; i < bytes.length; i++) {
        byte[] flipped = bytes.clone();
        flipped[i] ^= 1;
        assertFalse(decodesAndVerifies(flipped, signed.signature()), t + " byte " + i);
      }
    }
  }

  @Test
  void shouldFailVerificationWhenAnyBitOfTheSignatureIsFlipped() {
    for (Transaction t : Examples.oneOfEach()) {
      SignedTransaction signed = SignedTransaction.sign(SIGNER, NONCE, t);
      for (int bit = 0; bit < 8 * 64; bit++) {
        byte[] signature = signed.signature();
        signature[bit / 8] ^= (byte) (1 << (bit % 8));
        assertFalse(new SignedTransaction(signed.signer(), NONCE, t, signature).verify(), t + " bit " + bit);
      }
    }
  }

  @Test
  void shouldFailVerificationOfAnotherKeysSignatureInTheSignersName() {
    SignedTransaction mallorys = SignedTransaction.sign(MALLORY, NONCE, Examples.oneOfEach().get(0));
    SignedTransaction forged = new SignedTransaction(SIGNER.hotkey(), NONCE, mallorys.transaction(), mallorys.signature());

    assertTrue(mallorys.verify());
    assertFalse(forged.verify());
  }

  @Test
  void shouldNameTheRequestNotTheSignatureNorTheRelay() {
    Transaction t = Examples.oneOfEach().get(1);
    SignedTransaction signed = SignedTransaction.sign(SIGNER, NONCE, t);

    assertEquals(64, signed.id().length());
    assertEquals(signed.id(), new SignedTransaction(signed.signer(), NONCE, t, new byte[64]).id());
    assertNotEquals(signed.id(), SignedTransaction.sign(SIGNER, NONCE + 1, t).id(), "signed again: a new transaction");
    assertNotEquals(signed.id(), SignedTransaction.sign(MALLORY, NONCE, t).id());
  }

  @Test
  void shouldRefuseAMalformedSignedTransaction() {
    Transaction t = Examples.oneOfEach().get(0);
    assertThrows(IllegalArgumentException.class, () -> new SignedTransaction(SIGNER.hotkey(), 0, t, new byte[64]));
    assertThrows(IllegalArgumentException.class, () -> new SignedTransaction(SIGNER.hotkey(), NONCE, t, new byte[63]));
    assertThrows(IllegalArgumentException.class, () -> new SignedTransaction(SIGNER.hotkey(), NONCE, t, null));
    assertThrows(IllegalArgumentException.class, () -> new SignedTransaction("alice", NONCE, t, new byte[64]));
    assertThrows(NullPointerException.class, () -> new SignedTransaction(SIGNER.hotkey(), NONCE, null, new byte[64]));
    IllegalArgumentException self =
        assertThrows(
            IllegalArgumentException.class,
            () -> SignedTransaction.sign(SIGNER, NONCE, new Transfer(SIGNER.hotkey(), 1)));
    assertTrue(self.getMessage().contains("own signer"), self.getMessage());
  }

  @Test
  void shouldDecodeOnlyExactlyTheCanonicalBytes() {
    for (Transaction t : Examples.oneOfEach()) {
      SignedTransaction signed = SignedTransaction.sign(SIGNER, NONCE, t);
      byte[] bytes = signed.canonicalBytes();
      byte[] signature = signed.signature();
      for (int length = 0; length < bytes.length; length++) {
        byte[] truncated = Arrays.copyOf(bytes, length);
        assertThrows(IllegalArgumentException.class, () -> SignedTransaction.decode(truncated, signature), t + " cut at " + length);
      }
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      IllegalArgumentException trailing =
          assertThrows(IllegalArgumentException.class, () -> SignedTransaction.decode(longer, signature));
      assertTrue(trailing.getMessage().contains("follow"), trailing.getMessage());
    }
  }

  @Test
  void shouldRefuseAnotherDomainOrAnUnknownType() {
    byte[] bytes = SignedTransaction.sign(SIGNER, NONCE, Examples.oneOfEach().get(0)).canonicalBytes();
    byte[] otherVersion = bytes.clone();
    otherVersion[18] = '2'; // "taofabric-tx-v2"
    byte[] unknownType = bytes.clone();
    unknownType[19] = 99;

    IllegalArgumentException domain =
        assertThrows(IllegalArgumentException.class, () -> SignedTransaction.decode(otherVersion, new byte[64]));
    IllegalArgumentException type =
        assertThrows(IllegalArgumentException.class, () -> SignedTransaction.decode(unknownType, new byte[64]));
    assertTrue(domain.getMessage().contains("taofabric-tx-v1"), domain.getMessage());
    assertTrue(type.getMessage().contains("unknown transaction type 99"), type.getMessage());
  }

  @Test
  void shouldRefuseALengthThatAnnouncesMoreThanIsThereWithoutAllocatingIt() {
    byte[] bytes = SignedTransaction.sign(SIGNER, NONCE, Examples.oneOfEach().get(7)).canonicalBytes();
    int uidCount = 15 + 4 + 1 + 32 + 8 + 2; // domain, its length, tag, signer, nonce, netuid
    bytes[uidCount] = (byte) 0x7f;

    assertThrows(IllegalArgumentException.class, () -> SignedTransaction.decode(bytes, new byte[64]));
  }

  private static boolean decodesAndVerifies(byte[] bytes, byte[] signature) {
    SignedTransaction decoded;
    try {
      decoded = SignedTransaction.decode(bytes, signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return decoded.verify();
  }
}
