package io.taofabric.core.wallet;

import io.taofabric.core.crypto.SigningKey;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A hotkey file: the hotkey's seed in clear, as btcli keeps hotkeys (a miner or validator signs
 * with it unattended, so there is no one to type a password). Text, read strictly ({@link KeyText}):
 *
 * <pre>
 * taofabric-hotkey 1
 * public=&lt;the hotkey, 64 hex&gt;
 * seed=&lt;the 32-byte RFC 8032 private key, 64 hex&gt;
 * </pre>
 *
 * <p>The public line must be the seed's own key, which catches a damaged seed.
 */
final class HotkeyFile {
  static final String KIND = "taofabric-hotkey";
  static final int VERSION = 1;

  /** No hotkey file is larger. */
  static final int MAX_BYTES = 512;

  private static final List<String> FIELDS = List.of("public", "seed");
  private static final HexFormat HEX = HexFormat.of();

  private HotkeyFile() {}

  /** The file holding {@code key}. */
  static byte[] write(SigningKey key) {
    byte[] seed = key.seed();
    try {
      return KeyText.render(KIND, VERSION, FIELDS, List.of(key.hotkey(), HEX.formatHex(seed)));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** The hotkey the file at {@code where} holds. */
  static SigningKey read(byte[] file, Path where) throws KeyFileException {
    List<String> values = KeyText.parse(file, KIND, VERSION, FIELDS, where);
    byte[] seed = KeyText.hex(values.get(1), 32, "seed", where);
    try {
      SigningKey key = SigningKey.fromSeed(seed);
      if (!key.hotkey().equals(values.get(0))) {
        throw new KeyFileException(where + " was altered or damaged: its seed is not the key its public line names");
      }
      return key;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }
}
