package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.crypto.Signatures;
import io.taofabric.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoKeysTest {
  @Test
  void shouldDeriveTheSameHotkeyFromTheSameLabelAndAnotherFromAnother() {
    assertEquals(DemoKeys.of("validator-1").hotkey(), DemoKeys.of("validator-1").hotkey());
    assertNotEquals(DemoKeys.of("validator-1").hotkey(), DemoKeys.of("validator-2").hotkey());
  }

  @Test
  void shouldUseTheSha256OfTheLabelAsTheRfc8032PrivateKey() {
    // computed independently with BouncyCastle's Ed25519.generatePublicKey(sha256("validator-1")):
    // a restarted bootstrap node registers nothing twice only while this derivation holds
    assertEquals("d3bfb03c5ea8aa2884363bf4d68ebd5e38059b03b8a1519b0e0f5abb627e3bd2", DemoKeys.of("validator-1").hotkey());
  }

  @Test
  void shouldSignAsTheHotkeyItDerived() {
    // given
    SigningKey key = DemoKeys.of("miner-2-0");
    byte[] message = "query".getBytes(StandardCharsets.UTF_8);
    // when
    byte[] signature = key.sign(message, 0, message.length);
    // then
    assertEquals(64, key.hotkey().length());
    assertTrue(Signatures.verify(Hotkeys.publicKey(Hotkeys.raw(key.hotkey())), message, 0, message.length, signature));
  }
}
