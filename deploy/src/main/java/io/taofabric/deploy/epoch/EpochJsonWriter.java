package io.taofabric.deploy.epoch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.taofabric.core.fixed.Fixed;
import io.taofabric.core.scenario.StepOutcome;
import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochParams;
import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.SparseMatrix;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes epoch results in the {@code fabric epoch} output format, and an epoch's input as an
 * {@code --in} case (docs/epoch-io.md), which {@link EpochJsonReader} reads back.
 */
public final class EpochJsonWriter {
  private static final BigDecimal TWO_POW_32 = BigDecimal.valueOf(Fixed.ONE);
  private static final JsonFactory FACTORY = new JsonFactory();

  private EpochJsonWriter() {}

  /** One object per {@code --in} case, as a JSON array. */
  public static void writeCases(List<EpochResult> results, Writer out) throws IOException {
    try (JsonGenerator g = open(out)) {
      g.writeStartArray();
      for (EpochResult r : results) {
        g.writeStartObject();
        writeFields(g, r);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  /** One {@code --in} case, as a JSON array of one: what {@link EpochJsonReader#readCases} reads. */
  public static void writeInput(EpochInput input, EpochParams params, long rao, Writer out) throws IOException {
    try (JsonGenerator g = open(out)) {
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
      writeBooleans(g, "validator_permit", input.validatorPermit());
      if (input.commitBlocks() != null) {
        writeLongs(g, "commit_blocks", input.commitBlocks());
      }
      g.writeEndObject();
      g.writeEndArray();
    }
    out.flush();
  }

  /** One object per scenario step, as a JSON array. */
  public static void writeScenario(List<StepOutcome> outcomes, Writer out) throws IOException {
    try (JsonGenerator g = open(out)) {
      g.writeStartArray();
      for (StepOutcome outcome : outcomes) {
        g.writeStartObject();
        g.writeStringField("op", outcome.op());
        if (outcome instanceof StepOutcome.Registered r) {
          if (r.rejection() == null) {
            g.writeNumberField("uid", r.uid());
          } else {
            g.writeNullField("uid");
            g.writeStringField("rejected", r.rejection());
          }
        } else if (outcome instanceof StepOutcome.EpochRan e) {
          writeFields(g, e.result());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  private static JsonGenerator open(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return g;
  }

  private static void writeFields(JsonGenerator g, EpochResult r) throws IOException {
    writeBooleans(g, "active", r.active());
    writeBooleans(g, "validator_permit", r.validatorPermit());
    writeInts(g, "consensus", EpochResult.toU16(r.consensus()));
    writeInts(g, "incentive", EpochResult.toU16(r.incentive()));
    writeInts(g, "dividends", EpochResult.toU16(r.dividends()));
    writeInts(g, "validator_trust", EpochResult.toU16(r.validatorTrust()));
    writeExact(g, "incentive_fixed", r.incentive());
    writeExact(g, "dividends_fixed", r.dividends());
    writeLongs(g, "server_emission", r.serverEmission());
    writeLongs(g, "validator_emission", r.validatorEmission());
    writeLongs(g, "emission", r.emission());
    writeRows(g, "bonds", r.bonds());
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

  /** A sparse matrix as one array per row of {@code [column, value]} pairs. */
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

  /** I32F32 bits as their exact decimal value (a power-of-two denominator always terminates). */
  static String exactDecimal(long bits) {
    BigDecimal v = new BigDecimal(bits).divide(TWO_POW_32);
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  private static void writeExact(JsonGenerator g, String name, long[] values) throws IOException {
    g.writeArrayFieldStart(name);
    for (long v : values) {
      g.writeNumber(exactDecimal(v));
    }
    g.writeEndArray();
  }

  private static void writeBooleans(JsonGenerator g, String name, boolean[] values) throws IOException {
    g.writeArrayFieldStart(name);
    for (boolean v : values) {
      g.writeBoolean(v);
    }
    g.writeEndArray();
  }

  private static void writeInts(JsonGenerator g, String name, int[] values) throws IOException {
    g.writeArrayFieldStart(name);
    for (int v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  private static void writeLongs(JsonGenerator g, String name, long[] values) throws IOException {
    g.writeArrayFieldStart(name);
    for (long v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }
}
