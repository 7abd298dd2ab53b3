package io.taofabric.actors.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.subnet.SubnetCommand.CommitWeights;
import io.taofabric.core.subnet.SubnetCommand.RevealWeights;
import io.taofabric.core.subnet.SubnetCommand.ServeEndpoint;
import io.taofabric.core.subnet.SubnetCommand.SetHyperparameter;
import io.taofabric.core.subnet.SubnetCommand.SetWeights;
import io.taofabric.persistence.serialization.VersionedCodec;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The forms of the commands a participant sends straight to a subnet ({@code
 * SubnetCommand.Direct}, type ids 292–296), nested in a subnet's {@code Execute}. The subnet's
 * rules check every field, so a command carries whatever its sender put in it: strings may be
 * null, UIDs and weights any int (zigzag varints), blocks any long. Only a salt is bounded, to
 * {@value MessageCodec#MAX_SALT_BYTES} bytes.
 */
final class SubnetWireCodecs {
  private SubnetWireCodecs() {}

  /** Every direct subnet command's codec. */
  static List<VersionedCodec<?>> all() {
    return List.of(
        new Announcement<>(
            ServeEndpoint.class, 292, ServeEndpoint::new, ServeEndpoint::hotkey, ServeEndpoint::endpoint, ServeEndpoint::block),
        new Weights(),
        new Announcement<>(
            CommitWeights.class, 294, CommitWeights::new, CommitWeights::hotkey, CommitWeights::hash, CommitWeights::block),
        new Reveal(),
        new Hyperparameter());
  }

  /** Laid out as (hotkey, text, block): a hotkey announcing one string, an endpoint or a commit's hash. */
  static final class Announcement<T> extends MessageCodec<T> {
    interface Factory<T> {
      T create(String hotkey, String text, long block);
    }

    private final Factory<T> factory;
    private final Function<T, String> hotkey;
    private final Function<T, String> text;
    private final ToLongFunction<T> block;

    Announcement(
        Class<T> type,
        int typeId,
        Factory<T> factory,
        Function<T, String> hotkey,
        Function<T, String> text,
        ToLongFunction<T> block) {
      super(type, typeId, 1);
      this.factory = factory;
      this.hotkey = hotkey;
      this.text = text;
      this.block = block;
    }

    @Override
    public void write(Output out, T c) {
      string(out, hotkey.apply(c));
      string(out, text.apply(c));
      out.writeVarLong(block.applyAsLong(c), true);
    }

    @Override
    public T read(Input in, int version) {
      return factory.create(optional(in), optional(in), in.readVarLong(true));
    }
  }

  /** Laid out as (hotkey, uids, values, block). */
  static final class Weights extends MessageCodec<SetWeights> {
    Weights() {
      super(SetWeights.class, 293, 1);
    }

    @Override
    public void write(Output out, SetWeights c) {
      string(out, c.hotkey());
      ints(out, c.uids());
      ints(out, c.values());
      out.writeVarLong(c.block(), true);
    }

    @Override
    public SetWeights read(Input in, int version) {
      return new SetWeights(optional(in), ints(in, "uids"), ints(in, "values"), in.readVarLong(true));
    }
  }

  /** Laid out as (hotkey, uids, values, salt, block): {@link Weights}' fields with the commit's salt. */
  static final class Reveal extends MessageCodec<RevealWeights> {
    Reveal() {
      super(RevealWeights.class, 295, 1);
    }

    @Override
    public void write(Output out, RevealWeights c) {
      string(out, c.hotkey());
      ints(out, c.uids());
      ints(out, c.values());
      salt(out, c.salt());
      out.writeVarLong(c.block(), true);
    }

    @Override
    public RevealWeights read(Input in, int version) {
      return new RevealWeights(optional(in), ints(in, "uids"), ints(in, "values"), salt(in), in.readVarLong(true));
    }
  }

  /** Laid out as (callerColdkey, name, value, block). */
  static final class Hyperparameter extends MessageCodec<SetHyperparameter> {
    Hyperparameter() {
      super(SetHyperparameter.class, 296, 1);
    }

    @Override
    public void write(Output out, SetHyperparameter c) {
      string(out, c.callerColdkey());
      string(out, c.name());
      string(out, c.value());
      out.writeVarLong(c.block(), true);
    }

    @Override
    public SetHyperparameter read(Input in, int version) {
      return new SetHyperparameter(optional(in), optional(in), optional(in), in.readVarLong(true));
    }
  }
}
