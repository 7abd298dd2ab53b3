package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.network.NetworkEvent.BlockProduced;
import io.taofabric.core.network.NetworkEvent.SubnetCreated;
import io.taofabric.core.network.NetworkEvent.SubnetCreationFailed;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import java.util.List;

/**
 * Stored forms of the network singletons' events (type ids 140–143): the block clock's heights
 * and the subnet registry's creations. Same discipline as {@link LedgerCodecs}: a new layout gets
 * a new version and {@code read} keeps every older one.
 */
public final class NetworkCodecs {
  private NetworkCodecs() {}

  /** Every network codec. */
  public static List<VersionedCodec<?>> all() {
    return List.of(new Produced(), new CreationStarted(), new Created(), new CreationFailed());
  }

  static final class Produced extends FieldCodec<BlockProduced> {
    Produced() {
      super(BlockProduced.class, 140, 1);
    }

    @Override
    public void write(Output out, BlockProduced e) {
      out.writeVarLong(e.block(), true);
      out.writeLong(e.epochMillis());
    }

    @Override
    public BlockProduced read(Input in, int version) {
      return new BlockProduced(in.readVarLong(true), in.readLong());
    }
  }

  static final class CreationStarted extends FieldCodec<SubnetCreationStarted> {
    CreationStarted() {
      super(SubnetCreationStarted.class, 141, 1);
    }

    @Override
    public void write(Output out, SubnetCreationStarted e) {
      out.writeVarInt(e.netuid(), true);
      string(out, e.ownerColdkey());
      string(out, e.ownerHotkey());
      string(out, e.lockOperationId());
      out.writeVarLong(e.lockCost(), true);
      out.writeVarLong(e.shareMillionths(), true);
      out.writeVarLong(e.block(), true);
    }

    @Override
    public SubnetCreationStarted read(Input in, int version) {
      return new SubnetCreationStarted(
          in.readVarInt(true),
          string(in, "ownerColdkey"),
          string(in, "ownerHotkey"),
          string(in, "lockOperationId"),
          in.readVarLong(true),
          in.readVarLong(true),
          in.readVarLong(true));
    }
  }

  static final class Created extends FieldCodec<SubnetCreated> {
    Created() {
      super(SubnetCreated.class, 142, 1);
    }

    @Override
    public void write(Output out, SubnetCreated e) {
      out.writeVarInt(e.netuid(), true);
      out.writeVarLong(e.block(), true);
    }

    @Override
    public SubnetCreated read(Input in, int version) {
      return new SubnetCreated(in.readVarInt(true), in.readVarLong(true));
    }
  }

  static final class CreationFailed extends FieldCodec<SubnetCreationFailed> {
    CreationFailed() {
      super(SubnetCreationFailed.class, 143, 1);
    }

    @Override
    public void write(Output out, SubnetCreationFailed e) {
      out.writeVarInt(e.netuid(), true);
      string(out, e.reason());
      out.writeVarLong(e.block(), true);
    }

    @Override
    public SubnetCreationFailed read(Input in, int version) {
      return new SubnetCreationFailed(in.readVarInt(true), string(in, "reason"), in.readVarLong(true));
    }
  }
}
