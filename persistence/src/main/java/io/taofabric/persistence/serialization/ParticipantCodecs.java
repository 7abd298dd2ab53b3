package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.core.participant.MinerEvent.EndpointAnnounced;
import io.taofabric.core.participant.MinerEvent.QueriesCounted;
import io.taofabric.core.participant.PendingCommit;
import io.taofabric.core.participant.ValidatorEvent.ScoresRecorded;
import io.taofabric.core.participant.ValidatorEvent.ValidatorStarted;
import io.taofabric.core.participant.ValidatorEvent.WeightsCommitted;
import io.taofabric.core.participant.ValidatorEvent.WeightsRevealed;
import io.taofabric.core.participant.ValidatorEvent.WeightsSubmitted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stored forms of the participants' events (type ids 170–189): 170–174 a validator's, 175–176 a
 * miner's; 177–189 are free. Same discipline as {@link LedgerCodecs}: a new layout gets a new
 * version and {@code read} keeps every older one. Numbers are unsigned varints (UIDs, u16 weights,
 * averages in millionths, counts and blocks are never negative); a weights list is its count and
 * its entries, a salt its length and its bytes, a score map its count and (hotkey, average) pairs
 * in hotkey order.
 */
public final class ParticipantCodecs {
  private ParticipantCodecs() {}

  /** Every participant codec. */
  public static List<VersionedCodec<?>> all() {
    return List.of(
        new Started(), new Scored(), new Submitted(), new Committed(), new Revealed(), new Announced(), new Counted());
  }

  private static void ints(Output out, List<Integer> values) {
    out.writeVarInt(values.size(), true);
    for (int v : values) {
      out.writeVarInt(v, true);
    }
  }

  private static List<Integer> ints(Input in, String field) {
    int n = FieldCodec.count(in, field);
    List<Integer> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.readVarInt(true));
    }
    return values;
  }

  static final class Started extends FieldCodec<ValidatorStarted> {
    Started() {
      super(ValidatorStarted.class, 170, 1);
    }

    @Override
    public void write(Output out, ValidatorStarted e) {
      string(out, e.hotkey());
      out.writeVarInt(e.netuid(), true);
    }

    @Override
    public ValidatorStarted read(Input in, int version) {
      return new ValidatorStarted(string(in, "hotkey"), in.readVarInt(true));
    }
  }

  static final class Scored extends FieldCodec<ScoresRecorded> {
    Scored() {
      super(ScoresRecorded.class, 171, 1);
    }

    @Override
    public void write(Output out, ScoresRecorded e) {
      out.writeVarInt(e.averages().size(), true);
      for (Map.Entry<String, Long> average : e.averages().entrySet()) {
        string(out, average.getKey());
        out.writeVarLong(average.getValue(), true);
      }
      out.writeVarLong(e.block(), true);
    }

    @Override
    public ScoresRecorded read(Input in, int version) {
      int n = count(in, "averages");
      Map<String, Long> averages = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        averages.put(string(in, "hotkey"), in.readVarLong(true));
      }
      return new ScoresRecorded(averages, in.readVarLong(true));
    }
  }

  static final class Submitted extends FieldCodec<WeightsSubmitted> {
    Submitted() {
      super(WeightsSubmitted.class, 172, 1);
    }

    @Override
    public void write(Output out, WeightsSubmitted e) {
      ints(out, e.uids());
      ints(out, e.values());
      out.writeVarLong(e.block(), true);
    }

    @Override
    public WeightsSubmitted read(Input in, int version) {
      return new WeightsSubmitted(ints(in, "uids"), ints(in, "values"), in.readVarLong(true));
    }
  }

  /** Laid out as the pending commit's uids, values, salt, hash and block. */
  static final class Committed extends FieldCodec<WeightsCommitted> {
    Committed() {
      super(WeightsCommitted.class, 173, 1);
    }

    @Override
    public void write(Output out, WeightsCommitted e) {
      PendingCommit c = e.commit();
      ints(out, c.uids());
      ints(out, c.values());
      byte[] salt = c.salt();
      out.writeVarInt(salt.length, true);
      out.writeBytes(salt);
      string(out, c.hash());
      out.writeVarLong(c.block(), true);
    }

    @Override
    public WeightsCommitted read(Input in, int version) {
      List<Integer> uids = ints(in, "uids");
      List<Integer> values = ints(in, "values");
      byte[] salt = in.readBytes(count(in, "salt"));
      return new WeightsCommitted(new PendingCommit(uids, values, salt, string(in, "hash"), in.readVarLong(true)));
    }
  }

  static final class Revealed extends FieldCodec<WeightsRevealed> {
    Revealed() {
      super(WeightsRevealed.class, 174, 1);
    }

    @Override
    public void write(Output out, WeightsRevealed e) {
      out.writeVarLong(e.block(), true);
    }

    @Override
    public WeightsRevealed read(Input in, int version) {
      return new WeightsRevealed(in.readVarLong(true));
    }
  }

  static final class Announced extends FieldCodec<EndpointAnnounced> {
    Announced() {
      super(EndpointAnnounced.class, 175, 1);
    }

    @Override
    public void write(Output out, EndpointAnnounced e) {
      string(out, e.endpoint());
      out.writeVarLong(e.block(), true);
    }

    @Override
    public EndpointAnnounced read(Input in, int version) {
      return new EndpointAnnounced(string(in, "endpoint"), in.readVarLong(true));
    }
  }

  static final class Counted extends FieldCodec<QueriesCounted> {
    Counted() {
      super(QueriesCounted.class, 176, 1);
    }

    @Override
    public void write(Output out, QueriesCounted e) {
      out.writeVarLong(e.answered(), true);
      out.writeVarLong(e.failed(), true);
      out.writeVarLong(e.block(), true);
    }

    @Override
    public QueriesCounted read(Input in, int version) {
      return new QueriesCounted(in.readVarLong(true), in.readVarLong(true), in.readVarLong(true));
    }
  }
}
