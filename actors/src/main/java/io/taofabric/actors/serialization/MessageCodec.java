package io.taofabric.actors.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.persistence.serialization.FieldCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * The base of a message's form: {@link FieldCodec}'s helpers plus the fields messages have and
 * stored events do not: where the answer goes, strings a sender may leave null, ints a sender
 * chose, salts. A value that does not decode throws {@link IllegalArgumentException}, which the
 * registry's {@code decode} reports as a corrupt payload.
 */
abstract class MessageCodec<T> extends FieldCodec<T> {
  /** The longest salt a weights reveal carries; Bittensor's are 8 u16s, 16 bytes. */
  static final int MAX_SALT_BYTES = 256;

  MessageCodec(Class<T> type, int typeId, int currentVersion) {
    super(type, typeId, currentVersion);
  }

  /** Writes where the answer goes, in {@code refs}' format. */
  static void replyTo(Output out, ActorRefFormat refs, ActorRef<?> replyTo) {
    string(out, refs.write(replyTo));
  }

  /** Reads where the answer goes; a message without one is corrupt. */
  static <R> ActorRef<R> replyTo(Input in, ActorRefFormat refs) {
    return refs.read(string(in, "replyTo"));
  }

  /**
   * Reads a string {@link FieldCodec#string(Output, String)} wrote that may be null: what a sender
   * chose is carried as sent, and the receiving entity's rules refuse a null as they would in a
   * local send. Kryo's string form keeps null apart from empty.
   */
  static String optional(Input in) {
    return in.readString();
  }

  /** Writes ints a sender chose as their count and zigzag varints, so a negative one costs little. */
  static void ints(Output out, List<Integer> values) {
    out.writeVarInt(values.size(), true);
    for (int v : values) {
      out.writeVarInt(v, false);
    }
  }

  /** Reads what {@link #ints(Output, List)} wrote; {@code field} names the list in errors. */
  static List<Integer> ints(Input in, String field) {
    int n = count(in, field);
    List<Integer> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.readVarInt(false));
    }
    return values;
  }

  /** Writes a boolean as one byte, 0 or 1. */
  static void flag(Output out, boolean value) {
    out.writeByte(value ? 1 : 0);
  }

  /** Reads what {@link #flag(Output, boolean)} wrote; any other byte is corrupt. */
  static boolean flag(Input in, String field) {
    byte b = in.readByte();
    if (b != 0 && b != 1) {
      throw new IllegalArgumentException(field + " is " + b + ", not a boolean");
    }
    return b == 1;
  }

  /**
   * Writes a salt as its length plus one (0 for none, which the rules refuse as they would
   * locally) and its bytes. A salt longer than {@value #MAX_SALT_BYTES} bytes is refused here,
   * so the send fails instead of a receiver allocating whatever a length claims.
   */
  static void salt(Output out, byte[] salt) {
    if (salt == null) {
      out.writeVarInt(0, true);
      return;
    }
    if (salt.length > MAX_SALT_BYTES) {
      throw new IllegalArgumentException(saltTooLong(salt.length));
    }
    out.writeVarInt(salt.length + 1, true);
    out.writeBytes(salt);
  }

  /** Reads what {@link #salt(Output, byte[])} wrote: null, or at most {@value #MAX_SALT_BYTES} bytes. */
  static byte[] salt(Input in) {
    long lengthPlusOne = Integer.toUnsignedLong(in.readVarInt(true));
    if (lengthPlusOne == 0) {
      return null;
    }
    if (lengthPlusOne - 1 > MAX_SALT_BYTES) {
      throw new IllegalArgumentException(saltTooLong(lengthPlusOne - 1));
    }
    return in.readBytes((int) lengthPlusOne - 1);
  }

  private static String saltTooLong(long length) {
    return "a salt of " + length + " bytes is longer than the " + MAX_SALT_BYTES + " a message carries";
  }
}
