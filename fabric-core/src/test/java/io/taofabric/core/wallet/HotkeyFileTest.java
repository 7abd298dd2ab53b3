package io.taofabric.core.wallet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taofabric.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HotkeyFileTest {
  private static final Path WHERE = Path.of("wallets", "golden", "hotkeys", "default");

  /** RFC 8032 §7.1 TEST 2's key pair. */
  private static final String GOLDEN =
      "taofabric-hotkey 1\n"
          + "public=3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c\n"
          + "seed=4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb\n";

  @Test
  void shouldReadTheGoldenFileOfVersionOneAndWriteItAgain() throws KeyFileException {
    SigningKey key = HotkeyFile.read(bytes(GOLDEN), WHERE);

    assertEquals("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", key.hotkey());
    assertArrayEquals(bytes(GOLDEN), HotkeyFile.write(key));
  }

  @Test
  void shouldRefuseADamagedSeedOrAnotherFormat() {
    String[] variants = {
      GOLDEN.replace("seed=4ccd", "seed=5ccd"),
      GOLDEN.replace("public=3d40", "public=3d41"),
      GOLDEN.replace("taofabric-hotkey 1", "taofabric-hotkey 2"),
      GOLDEN.substring(0, GOLDEN.length() - 1),
      GOLDEN.replace("seed=", "secret="),
    };
    for (String variant : variants) {
      assertThrows(KeyFileException.class, () -> HotkeyFile.read(bytes(variant), WHERE), variant);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
