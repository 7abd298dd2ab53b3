package io.taofabric.persistence.readmodel;

import io.taofabric.core.ledger.StakeKey;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The stored form of one account in the read model, a {@code byte[]} (Chronicle Map stores
 * variable-size arrays without generated value classes):
 *
 * <pre>
 * byte   layout version (1)
 * long   sequence number of the last event applied from Account|&lt;coldkey&gt;
 * long   free rao
 * int    stake entries n, then n times: int hotkey length, hotkey UTF-8, int netuid, long rao
 * int    CRC32C of everything before it
 * </pre>
 *
 * The journal offset lives in the same value as the balances it produced, so one entry write
 * moves both: there is no moment at which a balance and its offset disagree. The checksum is ours
 * because Chronicle Map checks its own entry checksums only during recovery; a flipped bit in a
 * stake would otherwise read back as a plausible wrong amount.
 */
final class BalanceCodec {
  static final byte VERSION = 1;

  private static final int HEADER = Byte.BYTES + Long.BYTES + Long.BYTES + Integer.BYTES;
  private static final int ENTRY_FIXED = Integer.BYTES + Integer.BYTES + Long.BYTES;
  private static final int CHECKSUM = Integer.BYTES;

  private BalanceCodec() {}

  /** One account as stored: the journal offset and the balances folded up to it. */
  record Stored(long sequenceNr, long free, SortedMap<StakeKey, Long> stakes) {
    static final Stored EMPTY = new Stored(0, 0, Collections.emptySortedMap());
  }

  /** Encoded size of an account with {@code stakes} entries on hotkeys of {@code hotkeyBytes}. */
  static int size(int stakes, int hotkeyBytes) {
    return HEADER + stakes * (ENTRY_FIXED + hotkeyBytes) + CHECKSUM;
  }

  static byte[] encode(long sequenceNr, long free, SortedMap<StakeKey, Long> stakes) {
    byte[][] hotkeys = new byte[stakes.size()][];
    int size = HEADER + CHECKSUM;
    int i = 0;
    for (StakeKey key : stakes.keySet()) {
      hotkeys[i] = key.hotkey().getBytes(StandardCharsets.UTF_8);
      size += ENTRY_FIXED + hotkeys[i].length;
      i++;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION).putLong(sequenceNr).putLong(free).putInt(stakes.size());
    i = 0;
    for (Map.Entry<StakeKey, Long> stake : stakes.entrySet()) {
      out.putInt(hotkeys[i].length).put(hotkeys[i]).putInt(stake.getKey().netuid()).putLong(stake.getValue());
      i++;
    }
    out.putInt(checksum(out.array(), size - CHECKSUM));
    return out.array();
  }

  /**
   * The account stored for {@code coldkey}.
   *
   * @throws CorruptBalanceException if the bytes are not a value this codec wrote
   */
  static Stored decode(String coldkey, byte[] bytes) {
    if (bytes.length < HEADER + CHECKSUM) {
      throw new CorruptBalanceException(coldkey, bytes.length + " bytes, shorter than any stored account");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int stored = in.getInt(bytes.length - CHECKSUM);
    int computed = checksum(bytes, bytes.length - CHECKSUM);
    if (stored != computed) {
      throw new CorruptBalanceException(
          coldkey, String.format("checksum %08x, the bytes give %08x", stored, computed));
    }
    byte version = in.get();
    if (version != VERSION) {
      throw new CorruptBalanceException(coldkey, "unknown layout version " + version);
    }
    in.limit(bytes.length - CHECKSUM);
    try {
      long sequenceNr = in.getLong();
      long free = in.getLong();
      int count = in.getInt();
      if (count < 0 || (long) count * ENTRY_FIXED > in.remaining()) {
        throw new CorruptBalanceException(coldkey, "stake count " + count + " does not fit in " + bytes.length + " bytes");
      }
      TreeMap<StakeKey, Long> stakes = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
          throw new CorruptBalanceException(coldkey, "hotkey length " + length + " at stake entry " + i);
        }
        String hotkey = new String(bytes, in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        int netuid = in.getInt();
        long rao = in.getLong();
        if (stakes.put(new StakeKey(hotkey, netuid), rao) != null) {
          throw new CorruptBalanceException(coldkey, "stake on " + hotkey + " stored twice");
        }
      }
      if (in.hasRemaining()) {
        throw new CorruptBalanceException(coldkey, in.remaining() + " bytes after the last stake entry");
      }
      return new Stored(sequenceNr, free, Collections.unmodifiableSortedMap(stakes));
    } catch (BufferUnderflowException e) {
      throw new CorruptBalanceException(coldkey, "value ends inside a field");
    }
  }

  private static int checksum(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
