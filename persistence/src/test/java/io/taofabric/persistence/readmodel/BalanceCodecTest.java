package io.taofabric.persistence.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.StakeKey;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The stored form of an account: exact round trips, and every damaged value refused. */
class BalanceCodecTest {
  private static final SortedMap<StakeKey, Long> STAKES =
      new TreeMap<>(Map.of(new StakeKey("5Hotkey-β", 3), 9L, new StakeKey("hk", 1), Long.MAX_VALUE));

  @Test
  void shouldRoundTripOffsetFreeAndStakes() {
    BalanceCodec.Stored stored = BalanceCodec.decode("c", BalanceCodec.encode(7, -4, STAKES));
    assertEquals(new BalanceCodec.Stored(7, -4, STAKES), stored);
    assertEquals(BalanceCodec.Stored.EMPTY, BalanceCodec.decode("c", BalanceCodec.encode(0, 0, Collections.emptySortedMap())));
  }

  @Test
  void shouldRefuseEveryFlippedBit() {
    byte[] good = BalanceCodec.encode(7, 1_000, STAKES);
    for (int bit = 0; bit < good.length * 8; bit++) {
      byte[] bad = good.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThrows(CorruptBalanceException.class, () -> BalanceCodec.decode("c", bad), "bit " + bit);
    }
  }

  @Test
  void shouldRefuseTruncatedValues() {
    byte[] good = BalanceCodec.encode(7, 1_000, STAKES);
    for (int length = 0; length < good.length; length++) {
      byte[] bad = Arrays.copyOf(good, length);
      assertThrows(CorruptBalanceException.class, () -> BalanceCodec.decode("c", bad), "length " + length);
    }
  }

  @Test
  void shouldRefuseWellChecksummedValuesOfAnotherLayout() {
    byte[] body = Arrays.copyOf(BalanceCodec.encode(7, 1_000, STAKES), BalanceCodec.size(0, 0) - Integer.BYTES);
    assertProblem("unknown layout version 2", withChecksum(body, b -> b.put(0, (byte) 2)));
    assertProblem("stake count 1000", withChecksum(body, b -> b.putInt(17, 1_000)));
    assertProblem("hotkey length", withChecksum(Arrays.copyOf(body, body.length + 16), b -> b.putInt(17, 1).putInt(21, 99)));
    assertProblem("after the last stake entry", withChecksum(Arrays.copyOf(body, body.length + 1), b -> b.putInt(17, 0)));
  }

  private static void assertProblem(String expected, byte[] value) {
    CorruptBalanceException e = assertThrows(CorruptBalanceException.class, () -> BalanceCodec.decode("carol", value));
    assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("carol"), e.getMessage());
  }

  /** {@code body} edited, followed by the CRC32C the codec would have written for it. */
  private static byte[] withChecksum(byte[] body, Consumer<ByteBuffer> edit) {
    ByteBuffer value = ByteBuffer.allocate(body.length + Integer.BYTES).put(body);
    edit.accept(value);
    CRC32C crc = new CRC32C();
    crc.update(value.array(), 0, body.length);
    return value.putInt(body.length, (int) crc.getValue()).array();
  }
}
