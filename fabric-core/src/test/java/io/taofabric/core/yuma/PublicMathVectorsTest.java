package io.taofabric.core.yuma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taofabric.core.emission.CoinbaseSplit;
import io.taofabric.core.fixed.Fixed;
import io.taofabric.core.subnet.WeightNormalization;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every math case of the public reference vectors, one test each, bit for bit. */
class PublicMathVectorsTest {

  @TestFactory
  Stream<DynamicTest> shouldReproduceEveryPublicMathCase() throws IOException {
    JsonNode cases = load().get("math_cases");
    assertTrue(cases.size() >= 71, "the public file holds 71 math cases");
    return StreamSupport.stream(cases.spliterator(), false)
        .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
  }

  static JsonNode load() throws IOException {
    try (InputStream in = PublicMathVectorsTest.class.getResourceAsStream("/vectors/yuma_public.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static void check(JsonNode c) {
    boolean f32 = !"f64".equals(c.path("float_type").asText("f32"));
    switch (c.get("kind").asText()) {
      case "weighted_median" -> checkWeightedMedian(c, f32);
      case "weighted_median_col" -> checkMedianColumns(c, f32, false);
      case "weighted_median_col_sparse" -> checkMedianColumns(c, f32, true);
      case "vec_max_upscale_to_u16" -> checkMaxUpscale(c, f32);
      case "vec_u16_max_upscale_to_u16" ->
          assertArrayEquals(ints(c.get("expected")), WeightNormalization.maxUpscaleU16(ints(c.get("input"))));
      case "is_topk" ->
          assertArrayEquals(
              booleans(c.get("expected")), DenseKernels.topK(fixed(c.get("input"), f32), c.get("k").asInt()));
      case "col_clip_sparse" -> checkColumnClip(c, f32);
      case "mat_ema_alpha" -> checkEmaAlpha(c, f32, false);
      case "mat_ema_alpha_sparse" -> checkEmaAlpha(c, f32, true);
      case "sigmoid_safe" -> checkSigmoid(c);
      case "exp_safe" -> checkExp(c);
      case "liquid_alpha_equal_values" -> checkLiquidAlphaEqualsFixedAlpha(c, f32);
      case "coinbase_split" -> checkCoinbase(c);
      default -> fail("unknown math case kind " + c.get("kind"));
    }
  }

  private static void checkWeightedMedian(JsonNode c, boolean f32) {
    long[] stake = fixed(c.get("stake"), f32);
    if (c.path("normalize_stake").asBoolean(false)) {
      stake = Vectors.normalize(stake);
    }
    long[] score = fixed(c.get("score"), f32);
    long minority = Fixed.subSat(Fixed.ONE, FixedLiterals.parse(c.get("majority"), f32));
    long got = new WeightedMedian().median(stake, score, stake.length, minority, 0, Vectors.sum(stake));
    assertEquals(FixedLiterals.parse(c.get("expected"), f32), got);
  }

  private static void checkMedianColumns(JsonNode c, boolean f32, boolean sparse) {
    long[] stake = fixed(c.get("stake"), f32);
    long[][] matrix = matrix(c.get("weights"), c.get("rows").asInt(), f32);
    long majority = FixedLiterals.parse(c.get("majority"), f32);
    long[] got =
        sparse
            ? Consensus.columnMedians(stake, positiveEntries(matrix), matrix[0].length, majority)
            : DenseKernels.weightedMedianColumns(stake, matrix, majority);
    assertArrayEquals(fixed(c.get("expected"), f32), got);
  }

  private static void checkMaxUpscale(JsonNode c, boolean f32) {
    boolean allInts = c.path("input_is_int").asBoolean(false);
    JsonNode input = c.get("input");
    long[] values = new long[input.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = input.get(i);
      values[i] = allInts || v.isIntegralNumber() ? Fixed.fromInt(v.asLong()) : FixedLiterals.parse(v, f32);
    }
    assertArrayEquals(ints(c.get("expected")), WeightNormalization.maxUpscale(values));
  }

  private static void checkColumnClip(JsonNode c, boolean f32) {
    long[] threshold = fixed(c.get("threshold"), f32);
    int cols = threshold.length;
    int rows = c.get("matrix").size() / cols;
    SparseMatrix input = positiveEntries(matrix(c.get("matrix"), rows, f32));
    SparseMatrix expected = positiveEntries(matrix(c.get("expected"), rows, f32));
    assertEquals(expected, SparseOps.colClip(input, threshold));
  }

  private static void checkEmaAlpha(JsonNode c, boolean f32, boolean sparse) {
    int rows = c.get("rows").asInt();
    long[][] old = matrix(c.get("old"), rows, f32);
    long[][] fresh = matrix(c.get("new"), rows, f32);
    long[][] alpha = matrix(c.get("alpha"), rows, f32);
    long[][] expected = matrix(c.get("expected"), rows, f32);
    long tolerance = FixedLiterals.fromF64(c.get("tol").asDouble());
    long[][] got;
    if (sparse) {
      SparseMatrix result =
          SparseOps.emaPerCell(positiveEntries(fresh), positiveEntries(old), (i, j) -> alpha[i][j]);
      assertEquals(pattern(positiveEntries(expected)), pattern(result), "sparsity pattern");
      got = dense(result, rows, expected[0].length);
    } else {
      got = DenseKernels.emaAlpha(fresh, old, alpha);
    }
    assertWithin(expected, got, tolerance);
  }

  private static void checkSigmoid(JsonNode c) {
    boolean inputF32 = !"f64".equals(c.path("input_float_type").asText("f32"));
    boolean expectedF32 = !"f64".equals(c.path("expected_float_type").asText("f32"));
    long rho = FixedLiterals.parse(c.get("rho"), inputF32);
    long kappa = FixedLiterals.parse(c.get("kappa"), inputF32);
    for (int k = 0; k < c.get("inputs").size(); k++) {
      long x = FixedLiterals.parse(c.get("inputs").get(k), inputF32);
      long expected = FixedLiterals.parse(c.get("expected").get(k), expectedF32);
      assertEquals(expected, DenseKernels.sigmoidSafe(x, rho, kappa), "sigmoid_safe(" + c.get("inputs").get(k) + ")");
    }
  }

  private static void checkExp(JsonNode c) {
    for (int k = 0; k < c.get("inputs").size(); k++) {
      JsonNode in = c.get("inputs").get(k);
      long x = in.isTextual() ? FixedLiterals.parse(in, true) : Fixed.fromInt(in.asLong());
      assertEquals(c.get("expected_bits").get(k).asLong(), Fixed.expSafe(x), "exp_safe(" + in + ")");
    }
  }

  private static void checkLiquidAlphaEqualsFixedAlpha(JsonNode c, boolean f32) {
    int rows = c.get("rows").asInt();
    long[][] weights = matrix(c.get("weights"), rows, f32);
    long[][] bonds = matrix(c.get("bonds"), rows, f32);
    long[] consensus = fixed(c.get("consensus"), f32);
    long bound = Fixed.u16Proportion(c.get("alpha_u16").asInt());
    LiquidAlpha liquid = new LiquidAlpha(bound, bound, Fixed.fromInt(c.get("steepness").asInt()));
    int cols = weights[0].length;
    long[][] alphas = new long[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        alphas[r][j] = liquid.alpha(consensus[j], weights[r][j], bonds[r][j]);
      }
    }
    long[][] withLiquid = DenseKernels.emaAlpha(weights, bonds, alphas);
    long fixedAlpha =
        YumaEpoch.fixedAlpha(
            EpochParams.DEFAULTS.toBuilder().bondsMovingAverage(c.get("bonds_moving_average").asLong()).build());
    long[][] withFixed = new long[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        withFixed[r][j] =
            Fixed.addSat(Fixed.mul(fixedAlpha, weights[r][j]), Fixed.mul(Fixed.subSat(Fixed.ONE, fixedAlpha), bonds[r][j]));
      }
    }
    assertWithin(withFixed, withLiquid, FixedLiterals.fromF64(c.get("tol").asDouble()));
  }

  private static void checkCoinbase(JsonNode c) {
    CoinbaseSplit split =
        CoinbaseSplit.of(
            c.get("alpha_out").asLong(),
            c.get("owner_cut_u16").asInt(),
            FixedLiterals.fromF64(c.get("root_proportion").asDouble()));
    long tolerance = c.path("tol").asLong(0);
    JsonNode expected = c.get("expected");
    assertClose(expected.get("server"), split.server(), tolerance, "server");
    assertClose(expected.get("validator"), split.validator(), tolerance, "validator");
    assertClose(expected.get("root"), split.root(), tolerance, "root");
    assertClose(expected.get("owner_cut"), split.ownerCut(), tolerance, "owner_cut");
  }

  private static void assertClose(JsonNode expected, long got, long tolerance, String what) {
    if (expected != null && !expected.isNull()) {
      assertTrue(Math.abs(expected.asLong() - got) <= tolerance, what + ": got " + got + ", expected " + expected);
    }
  }

  private static void assertWithin(long[][] expected, long[][] got, long tolerance) {
    for (int r = 0; r < expected.length; r++) {
      for (int j = 0; j < expected[r].length; j++) {
        long diff = Math.abs(expected[r][j] - got[r][j]);
        assertTrue(diff <= tolerance, "[" + r + "][" + j + "] got " + got[r][j] + ", expected " + expected[r][j]);
      }
    }
  }

  private static long[] fixed(JsonNode array, boolean f32) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = FixedLiterals.parse(array.get(i), f32);
    }
    return out;
  }

  private static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  private static boolean[] booleans(JsonNode array) {
    boolean[] out = new boolean[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asBoolean();
    }
    return out;
  }

  /** A row-major flattened matrix of {@code rows} rows. */
  private static long[][] matrix(JsonNode flat, int rows, boolean f32) {
    long[] values = fixed(flat, f32);
    int cols = values.length / rows;
    long[][] out = new long[rows][cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(values, r * cols, out[r], 0, cols);
    }
    return out;
  }

  /** The positive cells as a sparse matrix, as the reference's tests build their sparse inputs. */
  private static SparseMatrix positiveEntries(long[][] dense) {
    SparseMatrix.Builder b = SparseMatrix.builder(16);
    for (long[] row : dense) {
      for (int j = 0; j < row.length; j++) {
        if (row[j] > 0) {
          b.add(j, row[j]);
        }
      }
      b.endRow();
    }
    return b.build();
  }

  private static List<List<Integer>> pattern(SparseMatrix m) {
    List<List<Integer>> rows = new ArrayList<>();
    for (int i = 0; i < m.rows(); i++) {
      List<Integer> cols = new ArrayList<>();
      for (int k = m.start(i); k < m.end(i); k++) {
        cols.add(m.col(k));
      }
      rows.add(cols);
    }
    return rows;
  }

  private static long[][] dense(SparseMatrix m, int rows, int cols) {
    long[][] out = new long[rows][cols];
    for (int i = 0; i < m.rows(); i++) {
      for (int k = m.start(i); k < m.end(i); k++) {
        out[i][m.col(k)] = m.value(k);
      }
    }
    return out;
  }
}
