package io.taofabric.deploy.epoch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.taofabric.core.fixed.Fixed;
import io.taofabric.core.scenario.StepOutcome;
import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.SparseMatrix;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/** Writes epoch results in the {@code fabric epoch} output format (docs/epoch-io.md). */
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
    SparseMatrix bonds = r.bonds();
    g.writeArrayFieldStart("bonds");
    for (int i = 0; i < bonds.rows(); i++) {
      g.writeStartArray();
      for (int k = bonds.start(i); k < bonds.end(i); k++) {
        g.writeStartArray();
        g.writeNumber(bonds.col(k));
        g.writeNumber(bonds.value(k));
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
