package io.taofabric.actors.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.taofabric.actors.participant.MinerEntity;
import io.taofabric.actors.participant.ValidatorEntity;
import io.taofabric.actors.serialization.MessageCodecs.Query;
import io.taofabric.core.participant.MinerState;
import io.taofabric.core.participant.PendingCommit;
import io.taofabric.core.participant.SubmittedWeights;
import io.taofabric.core.participant.ValidatorState;
import io.taofabric.persistence.serialization.VersionedCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forms of the participants' messages (type ids 300–319): 300–303 a validator's, 304–307 a
 * miner's; 308–319 are free. What a sender chose travels as sent for the entity's rules to judge
 * (a score may be NaN, a count negative); only a null score cannot be written and fails the send.
 * The replies are the entities' whole records.
 */
final class ParticipantMessageCodecs {
  private ParticipantMessageCodecs() {}

  /** Every participant message codec, writing refs in {@code refs}. */
  static List<VersionedCodec<?>> all(ActorRefFormat refs) {
    return List.of(
        new Start(),
        new RecordScores(refs),
        new Query<>(ValidatorEntity.GetState.class, 302, refs, ValidatorEntity.GetState::new, ValidatorEntity.GetState::replyTo),
        new ValidatorRecord(),
        new Serve(refs),
        new CountQueries(),
        new Query<>(MinerEntity.GetState.class, 306, refs, MinerEntity.GetState::new, MinerEntity.GetState::replyTo),
        new MinerRecord());
  }

  static final class Start extends MessageCodec<ValidatorEntity.Start> {
    Start() {
      super(ValidatorEntity.Start.class, 300, 1);
    }

    @Override
    public void write(Output out, ValidatorEntity.Start m) {
      out.writeVarInt(m.netuid(), false);
    }

    @Override
    public ValidatorEntity.Start read(Input in, int version) {
      return new ValidatorEntity.Start(in.readVarInt(false));
    }
  }

  /** Laid out as (count, (hotkey, score as IEEE bits)… in hotkey order, replyTo). */
  static final class RecordScores extends MessageCodec<ValidatorEntity.RecordScores> {
    private final ActorRefFormat refs;

    RecordScores(ActorRefFormat refs) {
      super(ValidatorEntity.RecordScores.class, 301, 1);
      this.refs = refs;
    }

    @Override
    public void write(Output out, ValidatorEntity.RecordScores m) {
      // in key order: the same message always encodes to the same bytes, whatever the map
      List<Map.Entry<String, Double>> ordered = new ArrayList<>(m.scores().entrySet());
      ordered.sort(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())));
      out.writeVarInt(ordered.size(), true);
      for (Map.Entry<String, Double> score : ordered) {
        if (score.getValue() == null) {
          throw new IllegalArgumentException("the score of " + score.getKey() + " is null and cannot be sent");
        }
        string(out, score.getKey());
        out.writeDouble(score.getValue());
      }
      replyTo(out, refs, m.replyTo());
    }

    @Override
    public ValidatorEntity.RecordScores read(Input in, int version) {
      int n = count(in, "scores");
      Map<String, Double> scores = new HashMap<>();
      for (int i = 0; i < n; i++) {
        scores.put(optional(in), in.readDouble());
      }
      return new ValidatorEntity.RecordScores(scores, replyTo(in, refs));
    }
  }

  /**
   * Laid out as (hotkey, netuid, started, averages, last weights, pending commit, block); the
   * last weights and the pending commit are a presence flag and then their fields.
   */
  static final class ValidatorRecord extends MessageCodec<ValidatorState> {
    ValidatorRecord() {
      super(ValidatorState.class, 303, 1);
    }

    @Override
    public void write(Output out, ValidatorState s) {
      string(out, s.hotkey());
      out.writeVarInt(s.netuid(), true);
      flag(out, s.started());
      out.writeVarInt(s.averages().size(), true);
      for (Map.Entry<String, Long> average : s.averages().entrySet()) {
        string(out, average.getKey());
        out.writeVarLong(average.getValue(), true);
      }
      flag(out, s.lastWeights() != null);
      if (s.lastWeights() != null) {
        ints(out, s.lastWeights().uids());
        ints(out, s.lastWeights().values());
        out.writeVarLong(s.lastWeights().block(), true);
      }
      flag(out, s.pending() != null);
      if (s.pending() != null) {
        ints(out, s.pending().uids());
        ints(out, s.pending().values());
        salt(out, s.pending().salt());
        string(out, s.pending().hash());
        out.writeVarLong(s.pending().block(), true);
      }
      out.writeVarLong(s.block(), true);
    }

    @Override
    public ValidatorState read(Input in, int version) {
      String hotkey = string(in, "hotkey");
      int netuid = in.readVarInt(true);
      boolean started = flag(in, "started");
      int n = count(in, "averages");
      TreeMap<String, Long> averages = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        averages.put(string(in, "hotkey"), in.readVarLong(true));
      }
      SubmittedWeights last =
          flag(in, "lastWeights") ? new SubmittedWeights(ints(in, "uids"), ints(in, "values"), in.readVarLong(true)) : null;
      PendingCommit pending =
          flag(in, "pending")
              ? new PendingCommit(ints(in, "uids"), ints(in, "values"), salt(in), string(in, "hash"), in.readVarLong(true))
              : null;
      return new ValidatorState(hotkey, netuid, started, averages, last, pending, in.readVarLong(true));
    }
  }

  static final class Serve extends MessageCodec<MinerEntity.Serve> {
    private final ActorRefFormat refs;

    Serve(ActorRefFormat refs) {
      super(MinerEntity.Serve.class, 304, 1);
      this.refs = refs;
    }

    @Override
    public void write(Output out, MinerEntity.Serve m) {
      string(out, m.endpoint());
      replyTo(out, refs, m.replyTo());
    }

    @Override
    public MinerEntity.Serve read(Input in, int version) {
      return new MinerEntity.Serve(optional(in), replyTo(in, refs));
    }
  }

  /** Laid out as (answered, failed), zigzag varints: a negative count reaches the rules that refuse it. */
  static final class CountQueries extends MessageCodec<MinerEntity.CountQueries> {
    CountQueries() {
      super(MinerEntity.CountQueries.class, 305, 1);
    }

    @Override
    public void write(Output out, MinerEntity.CountQueries m) {
      out.writeVarLong(m.answered(), false);
      out.writeVarLong(m.failed(), false);
    }

    @Override
    public MinerEntity.CountQueries read(Input in, int version) {
      return new MinerEntity.CountQueries(in.readVarLong(false), in.readVarLong(false));
    }
  }

  /** Laid out as (hotkey, netuid, endpoint or null, answered, failed, last block). */
  static final class MinerRecord extends MessageCodec<MinerState> {
    MinerRecord() {
      super(MinerState.class, 307, 1);
    }

    @Override
    public void write(Output out, MinerState s) {
      string(out, s.hotkey());
      out.writeVarInt(s.netuid(), true);
      string(out, s.endpoint());
      out.writeVarLong(s.answered(), true);
      out.writeVarLong(s.failed(), true);
      out.writeVarLong(s.lastBlock(), true);
    }

    @Override
    public MinerState read(Input in, int version) {
      return new MinerState(
          string(in, "hotkey"), in.readVarInt(true), optional(in), in.readVarLong(true), in.readVarLong(true), in.readVarLong(true));
    }
  }
}
