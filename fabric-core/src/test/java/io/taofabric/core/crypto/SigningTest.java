package io.taofabric.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningTest {
  private static final SigningKey ALICE = SigningKey.generate();
  private static final SigningKey MALLORY = SigningKey.generate();

  private static final byte[] BODY = "what is 2 + 2?".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldVerifyTheSignersSignatureOfABodyHash() {
    byte[] hash = BodyHash.sha256(BODY);
    byte[] signature = ALICE.sign(hash, 0, hash.length);

    assertEquals(Signatures.LENGTH, signature.length);
    assertTrue(Signatures.verify(Hotkeys.publicKey(Hotkeys.raw(ALICE.hotkey())), hash, 0, hash.length, signature));
  }

  @Test
  void shouldRejectASignatureUnderAnotherKey() {
    byte[] hash = BodyHash.sha256(BODY);
    byte[] signature = MALLORY.sign(hash, 0, hash.length);

    assertFalse(Signatures.verify(Hotkeys.publicKey(Hotkeys.raw(ALICE.hotkey())), hash, 0, hash.length, signature));
  }

  @Test
  void shouldRejectABadSignature() {
    byte[] hash = BodyHash.sha256(BODY);
    byte[] signature = ALICE.sign(hash, 0, hash.length);
    signature[10] ^= 1;

    assertFalse(Signatures.verify(Hotkeys.publicKey(Hotkeys.raw(ALICE.hotkey())), hash, 0, hash.length, signature));
    assertFalse(Signatures.verify(Hotkeys.publicKey(Hotkeys.raw(ALICE.hotkey())), hash, 0, hash.length, new byte[3]));
  }

  @Test
  void shouldRejectATamperedBody() {
    byte[] signature = ALICE.sign(BodyHash.sha256(BODY), 0, BodyHash.LENGTH);
    byte[] tampered = BODY.clone();
    tampered[0] ^= 1;
    byte[] tamperedHash = BodyHash.sha256(tampered);

    assertFalse(
        Signatures.verify(Hotkeys.publicKey(Hotkeys.raw(ALICE.hotkey())), tamperedHash, 0, tamperedHash.length, signature));
  }

  @Test
  void shouldRoundTripAHotkeyAsSixtyFourHexCharacters() {
    String hotkey = ALICE.hotkey();

    assertEquals(64, hotkey.length());
    assertTrue(hotkey.matches("[0-9a-f]{64}"));
    assertArrayEquals(ALICE.rawHotkey(), Hotkeys.raw(hotkey));
    assertEquals(hotkey, Hotkeys.of(Hotkeys.raw(Hotkeys.publicKey(Hotkeys.raw(hotkey)))));
    assertThrows(IllegalArgumentException.class, () -> Hotkeys.raw("abcd"));
  }

  @Test
  void shouldCallOnlyLowercaseHexOfTheRightLengthCanonical() {
    assertTrue(Hotkeys.isCanonical(ALICE.hotkey()));
    assertFalse(Hotkeys.isCanonical(ALICE.hotkey().toUpperCase()));
    assertFalse(Hotkeys.isCanonical(ALICE.hotkey().substring(1)));
    assertFalse(Hotkeys.isCanonical(ALICE.hotkey() + "0"));
    assertFalse(Hotkeys.isCanonical("g".repeat(64)));
    assertFalse(Hotkeys.isCanonical(null));
  }
}
