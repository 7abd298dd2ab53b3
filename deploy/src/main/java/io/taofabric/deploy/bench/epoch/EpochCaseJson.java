package io.taofabric.deploy.bench.epoch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochParams;
import io.taofabric.core.yuma.SparseMatrix;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one epoch as a {@code fabric epoch --in} document (docs/epoch-io.md), the format the
 * reference model's driver reads; the same file also runs through {@code fabric epoch --in}.
 */
final class EpochCaseJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private EpochCaseJson() {}

  /** A JSON array holding the one case. */
  static void write(EpochInput input, EpochParams params, long rao, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartArray();
      g.writeStartObject();
      writeParams(g, params);
      g.writeNumberField("block", input.block());
      g.writeNumberField("rao", rao);
      writeLongs(g, "stake", input.stake());
      writeRows(g, "weights", input.weights());
      writeRows(g, "bonds", input.bonds());
      writeLongs(g, "last_update", input.lastUpdate());
      writeLongs(g, "block_at_registration", input.blockAtRegistration());
      g.writeArrayFieldStart("validator_permit");
      for (boolean permit : input.validatorPermit()) {
        g.writeBoolean(permit);
      }
      g.writeEndArray();
      if (input.commitBlocks() != null) {
        writeLongs(g, "commit_blocks", input.commitBlocks());
      }
      g.writeEndObject();
      g.writeEndArray();
    }
  }

  private static void writeParams(JsonGenerator g, EpochParams p) throws IOException {
    g.writeObjectFieldStart("params");
    g.writeNumberField("kappa", p.kappa());
    g.writeNumberField("bonds_penalty", p.bondsPenalty());
    g.writeNumberField("bonds_moving_average", p.bondsMovingAverage());
    g.writeNumberField("activity_cutoff_factor_milli", p.activityCutoffFactorMilli());
    if (p.activityCutoffBlocks() != EpochParams.NONE) {
      g.writeNumberField("activity_cutoff_blocks", p.activityCutoffBlocks());
    }
    g.writeNumberField("stake_threshold", p.stakeThreshold());
    g.writeNumberField("tempo", p.tempo());
    g.writeNumberField("max_allowed_validators", p.maxAllowedValidators());
    g.writeBooleanField("yuma3", p.yuma3());
    g.writeBooleanField("liquid_alpha", p.liquidAlpha());
    g.writeNumberField("alpha_low", p.alphaLow());
    g.writeNumberField("alpha_high", p.alphaHigh());
    g.writeNumberField("alpha_sigmoid_steepness", p.alphaSigmoidSteepness());
    if (p.ownerUid() == EpochParams.NONE) {
      g.writeNullField("owner_uid");
    } else {
      g.writeNumberField("owner_uid", p.ownerUid());
    }
    g.writeNumberField("last_epoch_block", p.lastEpochBlock());
    g.writeEndObject();
  }

  private static void writeLongs(JsonGenerator g, String name, long[] values) throws IOException {
    g.writeArrayFieldStart(name);
    for (long v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  private static void writeRows(JsonGenerator g, String name, SparseMatrix m) throws IOException {
    g.writeArrayFieldStart(name);
    for (int i = 0; i < m.rows(); i++) {
      g.writeStartArray();
      for (int k = m.start(i); k < m.end(i); k++) {
        g.writeStartArray();
        g.writeNumber(m.col(k));
        g.writeNumber(m.value(k));
        g.writeEndArray();
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }
}
