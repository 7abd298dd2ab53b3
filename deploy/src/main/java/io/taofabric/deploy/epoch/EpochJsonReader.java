package io.taofabric.deploy.epoch;

import static io.taofabric.deploy.epoch.StrictJson.array;
import static io.taofabric.deploy.epoch.StrictJson.bool;
import static io.taofabric.deploy.epoch.StrictJson.identifier;
import static io.taofabric.deploy.epoch.StrictJson.integer;
import static io.taofabric.deploy.epoch.StrictJson.object;
import static io.taofabric.deploy.epoch.StrictJson.onlyKeys;
import static io.taofabric.deploy.epoch.StrictJson.required;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.scenario.ScenarioStep;
import io.taofabric.core.subnet.SparseRow;
import io.taofabric.core.subnet.SubnetState;
import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochParams;
import io.taofabric.core.yuma.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code fabric epoch} input formats (docs/epoch-io.md) into fabric-core values. Every
 * violation is an {@link InputError} that names the JSON path.
 */
public final class EpochJsonReader {
  /** The rao an epoch distributes when a case or step does not say. */
  static final long DEFAULT_RAO = 1_000_000_000L;

  private static final long MAX_BLOCK = Long.MAX_VALUE / 4;
  private static final int MAX_UID = 65_535;
  private static final Set<String> CASE_KEYS =
      Set.of(
          "params", "block", "rao", "n", "stake", "weights", "bonds", "last_update",
          "block_at_registration", "validator_permit", "commit_blocks");
  private static final Set<String> SCENARIO_KEYS =
      Set.of("n_max", "immunity_period", "params", "steps", "generator");
  private static final Set<String> DOCUMENTATION_KEYS = Set.of("name", "source", "note");
  private static final Set<String> EXPECTATION_KEYS =
      Set.of("expect", "expect_informational", "expect_uid", "expect_relations", "derived_input", "note");

  private EpochJsonReader() {}

  /** One {@code --in} case: the snapshot, its hyperparameters and the rao to distribute. */
  public record EpochCase(EpochInput input, EpochParams params, long rao) {}

  /** A {@code --scenario}: the empty subnet and the steps to replay on it. */
  public record Scenario(SubnetState initial, List<ScenarioStep> steps) {}

  /** The cases of a {@code --in} document (a JSON array of case objects). */
  public static List<EpochCase> readCases(JsonNode root) {
    array(root, "input");
    List<EpochCase> cases = new ArrayList<>(root.size());
    for (int c = 0; c < root.size(); c++) {
      cases.add(readCase(root.get(c), "case " + c));
    }
    return cases;
  }

  private static EpochCase readCase(JsonNode node, String path) {
    object(node, path);
    onlyKeys(node, CASE_KEYS, Set.of(), path);
    EpochParams params = readParams(node.get("params"), EpochParams.DEFAULTS, path + ".params");
    JsonNode stakeNode = array(required(node, "stake", path), path + ".stake");
    int n = stakeNode.size();
    if (n > MAX_UID + 1) {
      throw new InputError(path + ".stake: " + n + " UIDs, at most " + (MAX_UID + 1));
    }
    if (node.has("n") && integer(node.get("n"), path + ".n", 0, MAX_UID + 1) != n) {
      throw new InputError(path + ".n: " + node.get("n") + " but stake has " + n + " entries");
    }
    long[] stake = longs(stakeNode, n, path + ".stake", Long.MAX_VALUE, 0);
    long block = integer(required(node, "block", path), path + ".block", 0, MAX_BLOCK);
    long rao = node.has("rao") ? integer(node.get("rao"), path + ".rao", 0, Long.MAX_VALUE) : DEFAULT_RAO;
    SparseMatrix weights = rows(node.get("weights"), n, path + ".weights");
    SparseMatrix bonds = rows(node.get("bonds"), n, path + ".bonds");
    long[] lastUpdate = longs(node.get("last_update"), n, path + ".last_update", MAX_BLOCK, 0);
    long[] registeredAt =
        longs(node.get("block_at_registration"), n, path + ".block_at_registration", MAX_BLOCK, 0);
    boolean[] permits = booleans(node.get("validator_permit"), n, path + ".validator_permit");
    long[] commits = node.has("commit_blocks") ? commitBlocks(node.get("commit_blocks"), n, path) : null;
    try {
      return new EpochCase(
          new EpochInput(block, stake, weights, bonds, lastUpdate, registeredAt, permits, commits),
          params,
          rao);
    } catch (IllegalArgumentException e) {
      throw new InputError(path + ": " + e.getMessage());
    }
  }

  /** A {@code --scenario} document. */
  public static Scenario readScenario(JsonNode root) {
    object(root, "scenario");
    onlyKeys(root, SCENARIO_KEYS, DOCUMENTATION_KEYS, "scenario");
    int maxUids = (int) integer(required(root, "n_max", "scenario"), "scenario.n_max", 1, MAX_UID);
    long immunity =
        root.has("immunity_period")
            ? integer(root.get("immunity_period"), "scenario.immunity_period", 0, MAX_BLOCK)
            : 5000;
    EpochParams params = readParams(root.get("params"), EpochParams.DEFAULTS, "scenario.params");
    JsonNode steps;
    if (root.has("steps")) {
      steps = array(root.get("steps"), "scenario.steps");
    } else if (root.has("generator")) {
      steps = GeneratedScenario.expand(object(root.get("generator"), "scenario.generator"));
    } else {
      throw new InputError("scenario: missing \"steps\"");
    }
    List<ScenarioStep> parsed = new ArrayList<>(steps.size());
    for (int k = 0; k < steps.size(); k++) {
      parsed.add(readStep(steps.get(k), "step " + k));
    }
    return new Scenario(SubnetState.create(maxUids, immunity, params), parsed);
  }

  private static ScenarioStep readStep(JsonNode node, String path) {
    object(node, path);
    String op = required(node, "op", path).asText();
    path = path + " (" + op + ")";
    switch (op) {
      case "register" -> {
        onlyKeys(node, Set.of("op", "hotkey", "block"), EXPECTATION_KEYS, path);
        return new ScenarioStep.Register(
            identifier(required(node, "hotkey", path), path + ".hotkey"), block(node, path));
      }
      case "add_stake" -> {
        onlyKeys(node, Set.of("op", "uid", "amount"), EXPECTATION_KEYS, path);
        return new ScenarioStep.AddStake(
            uid(node, path), integer(required(node, "amount", path), path + ".amount", 0, Long.MAX_VALUE));
      }
      case "set_weights" -> {
        onlyKeys(node, Set.of("op", "uid", "dests", "values", "block"), EXPECTATION_KEYS, path);
        JsonNode dests = array(required(node, "dests", path), path + ".dests");
        JsonNode values = array(required(node, "values", path), path + ".values");
        if (dests.size() != values.size()) {
          throw new InputError(path + ": " + dests.size() + " dests but " + values.size() + " values");
        }
        return new ScenarioStep.SetWeights(
            uid(node, path),
            ints(dests, path + ".dests", MAX_UID),
            ints(values, path + ".values", 65_535),
            block(node, path));
      }
      case "set_param" -> {
        onlyKeys(node, Set.of("op", "params"), EXPECTATION_KEYS, path);
        JsonNode change = object(required(node, "params", path), path + ".params");
        String where = path + ".params";
        readParams(change, EpochParams.DEFAULTS, where);
        return new ScenarioStep.SetParams(base -> readParams(change, base, where));
      }
      case "set_state" -> {
        onlyKeys(node, Set.of("op", "validator_permit", "last_update", "raw_weights"), EXPECTATION_KEYS, path);
        return readSetState(node, path);
      }
      case "reset_bonds" -> {
        onlyKeys(node, Set.of("op", "uid"), EXPECTATION_KEYS, path);
        return new ScenarioStep.ResetBonds(uid(node, path));
      }
      case "epoch" -> {
        onlyKeys(node, Set.of("op", "block", "rao"), EXPECTATION_KEYS, path);
        long rao = node.has("rao") ? integer(node.get("rao"), path + ".rao", 0, Long.MAX_VALUE) : DEFAULT_RAO;
        return new ScenarioStep.Epoch(block(node, path), rao);
      }
      default -> throw new InputError(path + ": unknown op \"" + op + "\"");
    }
  }

  private static ScenarioStep readSetState(JsonNode node, String path) {
    boolean[] permits = null;
    if (node.has("validator_permit")) {
      JsonNode p = array(node.get("validator_permit"), path + ".validator_permit");
      permits = booleans(p, p.size(), path + ".validator_permit");
    }
    long[] lastUpdate = null;
    if (node.has("last_update")) {
      JsonNode l = array(node.get("last_update"), path + ".last_update");
      lastUpdate = longs(l, l.size(), path + ".last_update", MAX_BLOCK, 0);
    }
    Map<Integer, SparseRow> raw = null;
    if (node.has("raw_weights")) {
      JsonNode rows = object(node.get("raw_weights"), path + ".raw_weights");
      raw = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : rows.properties()) {
        String where = path + ".raw_weights." + e.getKey();
        int uid;
        try {
          uid = Integer.parseInt(e.getKey());
        } catch (NumberFormatException notANumber) {
          throw new InputError(where + ": the key must be a uid");
        }
        raw.put(uid, row(e.getValue(), where));
      }
    }
    return new ScenarioStep.SetState(permits, lastUpdate, raw);
  }

  /** Overlays {@code node}'s keys (the epoch-io parameter names) on {@code base}. */
  static EpochParams readParams(JsonNode node, EpochParams base, String path) {
    if (node == null || node.isNull()) {
      return base;
    }
    object(node, path);
    EpochParams.Builder b = base.toBuilder();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      String where = path + "." + key;
      switch (key) {
        case "kappa" -> b.kappa((int) integer(v, where, 0, 65_535));
        case "bonds_penalty" -> b.bondsPenalty((int) integer(v, where, 0, 65_535));
        case "bonds_moving_average" -> b.bondsMovingAverage(integer(v, where, 0, 1_000_000));
        case "activity_cutoff_factor_milli" ->
            b.activityCutoffFactorMilli(integer(v, where, 0, Integer.MAX_VALUE));
        case "activity_cutoff_blocks" ->
            b.activityCutoffBlocks(v.isNull() ? EpochParams.NONE : integer(v, where, 0, MAX_BLOCK));
        case "stake_threshold" -> b.stakeThreshold(integer(v, where, 0, Long.MAX_VALUE));
        case "tempo" -> b.tempo(integer(v, where, 0, 65_535));
        case "max_allowed_validators" -> b.maxAllowedValidators((int) integer(v, where, 0, 65_535));
        case "yuma3" -> b.yuma3(bool(v, where));
        case "liquid_alpha" -> b.liquidAlpha(bool(v, where));
        case "alpha_low" -> b.alphaLow((int) integer(v, where, 0, 65_535));
        case "alpha_high" -> b.alphaHigh((int) integer(v, where, 0, 65_535));
        case "alpha_sigmoid_steepness" ->
            b.alphaSigmoidSteepness((int) integer(v, where, Short.MIN_VALUE, Short.MAX_VALUE));
        case "owner_uid" -> b.ownerUid(v.isNull() ? EpochParams.NONE : (int) integer(v, where, 0, MAX_UID));
        case "last_epoch_block", "last_mechanism_step_block" -> b.lastEpochBlock(integer(v, where, 0, MAX_BLOCK));
        default -> throw new InputError(path + ": unknown parameter \"" + key + "\"");
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new InputError(path + ": " + e.getMessage());
    }
  }

  private static long block(JsonNode node, String path) {
    return integer(required(node, "block", path), path + ".block", 0, MAX_BLOCK);
  }

  private static int uid(JsonNode node, String path) {
    return (int) integer(required(node, "uid", path), path + ".uid", 0, MAX_UID);
  }

  /** Per-UID rows; rows past the last given one are empty. */
  private static SparseMatrix rows(JsonNode node, int n, String path) {
    SparseMatrix.Builder b = SparseMatrix.builder(n * 4);
    JsonNode given = perUid(node, n, path);
    int count = given == null ? 0 : given.size();
    for (int i = 0; i < count; i++) {
      SparseRow row = row(given.get(i), path + "[" + i + "]");
      for (int k = 0; k < row.size(); k++) {
        b.add(row.uid(k), row.value(k));
      }
      b.endRow();
    }
    for (int i = count; i < n; i++) {
      b.endRow();
    }
    return b.build();
  }

  private static SparseRow row(JsonNode node, String path) {
    array(node, path);
    int[] uids = new int[node.size()];
    int[] values = new int[node.size()];
    for (int k = 0; k < node.size(); k++) {
      JsonNode pair = array(node.get(k), path + "[" + k + "]");
      if (pair.size() != 2) {
        throw new InputError(path + "[" + k + "]: expected [uid, u16]");
      }
      uids[k] = (int) integer(pair.get(0), path + "[" + k + "][0]", 0, MAX_UID);
      values[k] = (int) integer(pair.get(1), path + "[" + k + "][1]", 0, 65_535);
    }
    return SparseRow.of(uids, values);
  }

  /** Up to {@code n} integers; missing trailing entries take {@code fill}. */
  private static long[] longs(JsonNode node, int n, String path, long max, long fill) {
    long[] out = new long[n];
    Arrays.fill(out, fill);
    JsonNode given = perUid(node, n, path);
    for (int i = 0; given != null && i < given.size(); i++) {
      out[i] = integer(given.get(i), path + "[" + i + "]", 0, max);
    }
    return out;
  }

  private static int[] ints(JsonNode node, String path, int max) {
    int[] out = new int[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) integer(node.get(i), path + "[" + i + "]", 0, max);
    }
    return out;
  }

  private static boolean[] booleans(JsonNode node, int n, String path) {
    boolean[] out = new boolean[n];
    JsonNode given = perUid(node, n, path);
    for (int i = 0; given != null && i < given.size(); i++) {
      out[i] = bool(given.get(i), path + "[" + i + "]");
    }
    return out;
  }

  /** The array of per-UID values at {@code node}, or null when absent; never more than n. */
  private static JsonNode perUid(JsonNode node, int n, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    array(node, path);
    if (node.size() > n) {
      throw new InputError(path + ": " + node.size() + " entries for " + n + " UIDs");
    }
    return node;
  }

  private static long[] commitBlocks(JsonNode node, int n, String path) {
    array(node, path + ".commit_blocks");
    if (node.size() != n) {
      throw new InputError(path + ".commit_blocks: " + node.size() + " entries for " + n + " UIDs");
    }
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      JsonNode v = node.get(i);
      out[i] = v.isNull() ? Long.MAX_VALUE : integer(v, path + ".commit_blocks[" + i + "]", 0, MAX_BLOCK);
    }
    return out;
  }
}
