package io.taofabric.core.tx;

import io.taofabric.core.crypto.Hotkeys;
import io.taofabric.core.subnet.Endpoint;
import io.taofabric.core.tx.Transaction.AddStake;
import io.taofabric.core.tx.Transaction.CommitWeights;
import io.taofabric.core.tx.Transaction.CreateSubnet;
import io.taofabric.core.tx.Transaction.Register;
import io.taofabric.core.tx.Transaction.RemoveStake;
import io.taofabric.core.tx.Transaction.RevealWeights;
import io.taofabric.core.tx.Transaction.ServeEndpoint;
import io.taofabric.core.tx.Transaction.SetHyperparameter;
import io.taofabric.core.tx.Transaction.Transfer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical bytes of a signed transaction: what its signature covers and its id hashes. One
 * transaction has exactly one encoding, and {@link #decode} accepts nothing else. All numbers are
 * big-endian.
 *
 * <pre>
 * string   domain         "taofabric-tx-v1" (u32 length 15, then ASCII)
 * u8       type tag       1 Transfer, 2 AddStake, 3 RemoveStake, 4 CreateSubnet, 5 Register,
 *                         6 ServeEndpoint, 7 CommitWeights, 8 RevealWeights, 9 SetHyperparameter
 * key      signer         32 raw bytes of the Ed25519 public key
 * i64      nonce
 * fields of the type, in the order of its record components:
 *   key (32 raw bytes), rao (i64), netuid (u16), commit hash (32 raw bytes),
 *   string (u32 length, then ASCII), salt (u32 length, then the bytes),
 *   uids and values (each a u32 count, then a u16 per entry)
 * </pre>
 *
 * <p>Fixed-width fields need no length; every variable one is length-prefixed, so no two field
 * sequences share an encoding. The domain separates these bytes from anything else a hotkey signs
 * (a query header begins with its version byte, 1; these begin with the domain's length, 0) and
 * names the version: a new layout gets a new domain. Tags are append-only: a shipped tag is never
 * reused.
 */
final class CanonicalBytes {
  /** The domain separation prefix, which also versions the layout. */
  static final String DOMAIN = "taofabric-tx-v1";

  private static final byte[] DOMAIN_BYTES = DOMAIN.getBytes(StandardCharsets.US_ASCII);

  private static final int TRANSFER = 1;
  private static final int ADD_STAKE = 2;
  private static final int REMOVE_STAKE = 3;
  private static final int CREATE_SUBNET = 4;
  private static final int REGISTER = 5;
  private static final int SERVE_ENDPOINT = 6;
  private static final int COMMIT_WEIGHTS = 7;
  private static final int REVEAL_WEIGHTS = 8;
  private static final int SET_HYPERPARAMETER = 9;

  /** Room for a longer domain of a later version, so that one is refused by name, not by length. */
  private static final int MAX_DOMAIN_LENGTH = 64;

  /** No hyperparameter name is longer; the record checks the name itself. */
  private static final int MAX_NAME_LENGTH = 64;

  private static final HexFormat HEX = HexFormat.of();

  private CanonicalBytes() {}

  /** What {@link #decode} reads back: the signer, the nonce and the transaction. */
  record Decoded(String signer, long nonce, Transaction transaction) {}

  /** The canonical bytes of {@code transaction} signed by {@code signer} with {@code nonce}. */
  static byte[] encode(String signer, long nonce, Transaction transaction) {
    Out out = new Out();
    out.bytes(DOMAIN_BYTES);
    out.u8(tag(transaction));
    out.key(signer);
    out.i64(nonce);
    if (transaction instanceof Transfer t) {
      out.key(t.toColdkey());
      out.i64(t.rao());
    } else if (transaction instanceof AddStake t) {
      out.u16(t.netuid());
      out.key(t.hotkey());
      out.i64(t.rao());
    } else if (transaction instanceof RemoveStake t) {
      out.u16(t.netuid());
      out.key(t.hotkey());
      out.i64(t.rao());
    } else if (transaction instanceof CreateSubnet t) {
      out.key(t.ownerHotkey());
    } else if (transaction instanceof Register t) {
      out.u16(t.netuid());
      out.key(t.hotkey());
    } else if (transaction instanceof ServeEndpoint t) {
      out.u16(t.netuid());
      out.string(t.endpoint());
    } else if (transaction instanceof CommitWeights t) {
      out.u16(t.netuid());
      out.key(t.commitHash());
    } else if (transaction instanceof RevealWeights t) {
      out.u16(t.netuid());
      out.u16List(t.uids());
      out.u16List(t.values());
      out.bytes(t.salt());
    } else {
      SetHyperparameter t = (SetHyperparameter) transaction;
      out.u16(t.netuid());
      out.string(t.name());
      out.string(t.value());
    }
    return out.toByteArray();
  }

  /**
   * The transaction {@code bytes} encode.
   *
   * @throws IllegalArgumentException naming the problem when the bytes are not exactly the
   *     canonical encoding of a valid transaction: another domain or version, an unknown tag, a
   *     truncated or overlong field, trailing bytes, or a field its record refuses
   */
  static Decoded decode(byte[] bytes) {
    In in = new In(bytes);
    byte[] domain = in.bytes(MAX_DOMAIN_LENGTH);
    if (!Arrays.equals(domain, DOMAIN_BYTES)) {
      throw new IllegalArgumentException("not a " + DOMAIN + " transaction");
    }
    int tag = in.u8();
    String signer = in.key();
    long nonce = in.i64();
    Transaction transaction =
        switch (tag) {
          case TRANSFER -> new Transfer(in.key(), in.i64());
          case ADD_STAKE -> new AddStake(in.u16(), in.key(), in.i64());
          case REMOVE_STAKE -> new RemoveStake(in.u16(), in.key(), in.i64());
          case CREATE_SUBNET -> new CreateSubnet(in.key());
          case REGISTER -> new Register(in.u16(), in.key());
          case SERVE_ENDPOINT -> new ServeEndpoint(in.u16(), in.string(Endpoint.MAX_LENGTH));
          case COMMIT_WEIGHTS -> new CommitWeights(in.u16(), in.key());
          case REVEAL_WEIGHTS ->
              new RevealWeights(in.u16(), in.u16List(), in.u16List(), in.bytes(Transaction.MAX_SALT_BYTES));
          case SET_HYPERPARAMETER ->
              new SetHyperparameter(
                  in.u16(), in.string(MAX_NAME_LENGTH), in.string(Transaction.MAX_HYPERPARAMETER_VALUE_LENGTH));
          default -> throw new IllegalArgumentException("unknown transaction type " + tag);
        };
    in.requireEnd();
    return new Decoded(signer, nonce, transaction);
  }

  private static int tag(Transaction transaction) {
    if (transaction instanceof Transfer) {
      return TRANSFER;
    } else if (transaction instanceof AddStake) {
      return ADD_STAKE;
    } else if (transaction instanceof RemoveStake) {
      return REMOVE_STAKE;
    } else if (transaction instanceof CreateSubnet) {
      return CREATE_SUBNET;
    } else if (transaction instanceof Register) {
      return REGISTER;
    } else if (transaction instanceof ServeEndpoint) {
      return SERVE_ENDPOINT;
    } else if (transaction instanceof CommitWeights) {
      return COMMIT_WEIGHTS;
    } else if (transaction instanceof RevealWeights) {
      return REVEAL_WEIGHTS;
    }
    return SET_HYPERPARAMETER;
  }

  /** Big-endian writes into a growing array. */
  private static final class Out extends ByteArrayOutputStream {
    void u8(int v) {
      write(v);
    }

    void u16(int v) {
      write(v >>> 8);
      write(v);
    }

    void u32(int v) {
      u16(v >>> 16);
      u16(v & 0xffff);
    }

    void i64(long v) {
      u32((int) (v >>> 32));
      u32((int) v);
    }

    void key(String hex) {
      writeBytes(HEX.parseHex(hex));
    }

    void bytes(byte[] b) {
      u32(b.length);
      writeBytes(b);
    }

    void string(String s) {
      bytes(s.getBytes(StandardCharsets.US_ASCII)); // the records admit printable ASCII only
    }

    void u16List(List<Integer> list) {
      u32(list.size());
      for (int v : list) {
        u16(v);
      }
    }
  }

  /** Big-endian reads that refuse to run past the end or to allocate more than is there. */
  private static final class In {
    private final ByteBuffer buffer;

    In(byte[] bytes) {
      this.buffer = ByteBuffer.wrap(bytes);
    }

    int u8() {
      need(1);
      return buffer.get() & 0xff;
    }

    int u16() {
      need(2);
      return buffer.getShort() & 0xffff;
    }

    long i64() {
      need(8);
      return buffer.getLong();
    }

    String key() {
      need(Hotkeys.RAW_LENGTH);
      byte[] raw = new byte[Hotkeys.RAW_LENGTH];
      buffer.get(raw);
      return HEX.formatHex(raw);
    }

    /** A length-prefixed byte string of at most {@code maxLength} bytes. */
    byte[] bytes(int maxLength) {
      int length = count(maxLength);
      byte[] b = new byte[length];
      buffer.get(b);
      return b;
    }

    String string(int maxLength) {
      byte[] b = bytes(maxLength);
      for (byte c : b) {
        if (c < 0) {
          throw new IllegalArgumentException("a string holds a byte that is not ASCII");
        }
      }
      return new String(b, StandardCharsets.US_ASCII);
    }

    List<Integer> u16List() {
      int count = count(Transaction.MAX_WEIGHTS);
      need(2L * count);
      List<Integer> list = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        list.add(buffer.getShort() & 0xffff);
      }
      return list;
    }

    /** A u32 length or count, at most {@code max}; the bytes it announces must be there. */
    private int count(int max) {
      need(4);
      long count = buffer.getInt() & 0xffff_ffffL;
      if (count > max) {
        throw new IllegalArgumentException("a field announces " + count + " entries, at most " + max + " are allowed");
      }
      need(count);
      return (int) count;
    }

    void requireEnd() {
      if (buffer.hasRemaining()) {
        throw new IllegalArgumentException(buffer.remaining() + " bytes follow the transaction");
      }
    }

    private void need(long n) {
      if (buffer.remaining() < n) {
        throw new IllegalArgumentException("truncated: " + n + " more bytes expected, " + buffer.remaining() + " left");
      }
    }
  }
}
