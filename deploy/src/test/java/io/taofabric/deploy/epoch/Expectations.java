package io.taofabric.deploy.epoch;

import com.fasterxml.jackson.databind.JsonNode;
import io.taofabric.core.fixed.Fixed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a vector's {@code expect} block against one epoch object of {@code fabric epoch}'s
 * output, with the semantics of the reference checker (exact unless a tolerance is given,
 * {@code null} entries unchecked).
 */
final class Expectations {
  private Expectations() {}

  /** The mismatches, empty when the output meets every expectation. */
  static List<String> check(JsonNode expect, JsonNode epoch) {
    List<String> errors = new ArrayList<>();
    Map<Long, Integer> bonds = bondCells(epoch.get("bonds"));
    expect
        .properties()
        .forEach(
            e -> {
              String key = e.getKey();
              JsonNode spec = e.getValue();
              double tol = spec.path("tol").asDouble(0);
              switch (key) {
                case "dividends_u16", "incentive_u16", "consensus_u16", "validator_trust_u16" ->
                    compare(key, spec.get("values"), epoch.get(key.substring(0, key.length() - 4)), 1, tol, errors);
                case "dividends_float_from_u16" ->
                    compare(key, spec.get("values"), epoch.get("dividends"), Fixed.U16_MAX, tol, errors);
                case "dividends_float", "incentive_float" ->
                    compare(key, spec.get("values"), epoch.get(key.replace("_float", "_fixed")), 1, tol, errors);
                case "emission", "server_emission", "validator_emission" ->
                    compare(key, spec.get("values"), epoch.get(key), 1, tol, errors);
                case "emission_sum" -> {
                  long total = sum(epoch.get("server_emission")) + sum(epoch.get("validator_emission"));
                  if (Math.abs(total - spec.get("value").asLong()) > tol) {
                    errors.add("emission_sum: got " + total + " expected " + spec.get("value"));
                  }
                }
                case "server_emission_equal" -> {
                  long a = epoch.get("server_emission").get(spec.get("uids").get(0).asInt()).asLong();
                  long b = epoch.get("server_emission").get(spec.get("uids").get(1).asInt()).asLong();
                  if (a != b || a <= 0) {
                    errors.add("server_emission_equal: " + a + " vs " + b);
                  }
                }
                case "bonds_u16", "bonds_fixed_prop" -> {
                  for (JsonNode cell : spec.get("entries")) {
                    int i = cell.get(0).asInt();
                    int j = cell.get(1).asInt();
                    int u16 = bonds.getOrDefault(cellKey(i, j), 0);
                    double got = key.equals("bonds_u16") ? u16 : Fixed.u16Proportion(u16) / (double) Fixed.ONE;
                    if (Math.abs(got - cell.get(2).asDouble()) > tol) {
                      errors.add(key + "[" + i + "][" + j + "]: got " + got + " expected " + cell.get(2));
                    }
                  }
                }
                case "validator_permit" -> {
                  JsonNode values = spec.get("values");
                  for (int k = 0; k < values.size(); k++) {
                    if (!values.get(k).isNull()
                        && values.get(k).asBoolean() != epoch.get("validator_permit").get(k).asBoolean()) {
                      errors.add("validator_permit[" + k + "]: got " + epoch.get("validator_permit").get(k));
                    }
                  }
                }
                default -> errors.add("unknown expectation " + key);
              }
            });
    return errors;
  }

  private static void compare(
      String key, JsonNode expected, JsonNode got, double divisor, double tol, List<String> errors) {
    if (got == null) {
      errors.add(key + ": not in the output");
      return;
    }
    for (int k = 0; k < expected.size(); k++) {
      if (expected.get(k).isNull()) {
        continue;
      }
      BigDecimal g = got.get(k).decimalValue();
      double value = divisor == 1 ? g.doubleValue() : g.doubleValue() / divisor;
      boolean exact = tol == 0 && divisor == 1;
      boolean ok =
          exact ? g.compareTo(expected.get(k).decimalValue()) == 0 : Math.abs(value - expected.get(k).asDouble()) <= tol;
      if (!ok) {
        errors.add(key + "[" + k + "]: got " + got.get(k) + " expected " + expected.get(k) + " (tol " + tol + ")");
      }
    }
  }

  private static long sum(JsonNode values) {
    long total = 0;
    for (JsonNode v : values) {
      total += v.asLong();
    }
    return total;
  }

  /** Stored bond cells; a repeated cell keeps its last value, as a dense read of the rows would. */
  static Map<Long, Integer> bondCells(JsonNode rows) {
    Map<Long, Integer> cells = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      for (JsonNode entry : rows.get(i)) {
        cells.put(cellKey(i, entry.get(0).asInt()), entry.get(1).asInt());
      }
    }
    return cells;
  }

  static long cellKey(int i, int j) {
    return ((long) i << 32) | j;
  }
}
