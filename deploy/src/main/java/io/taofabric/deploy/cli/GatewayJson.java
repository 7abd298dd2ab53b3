package io.taofabric.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Fields of the gateway's answers, each missing or mistyped one a failure that names it. */
public final class GatewayJson {
  private GatewayJson() {}

  /** The whole number {@code field} of {@code json}. */
  public static long number(JsonNode json, String field) throws CliFailure {
    JsonNode value = json.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw missing(field, "a whole number");
    }
    return value.longValue();
  }

  /** The number {@code field} of {@code json}. */
  public static double decimal(JsonNode json, String field) throws CliFailure {
    JsonNode value = json.get(field);
    if (value == null || !value.isNumber()) {
      throw missing(field, "a number");
    }
    return value.doubleValue();
  }

  /** The string {@code field} of {@code json}. */
  public static String text(JsonNode json, String field) throws CliFailure {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw missing(field, "a string");
    }
    return value.textValue();
  }

  /** The string {@code field} of {@code json}, or null when it is null or absent. */
  public static String optionalText(JsonNode json, String field) throws CliFailure {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : text(json, field);
  }

  /** The boolean {@code field} of {@code json}. */
  public static boolean flag(JsonNode json, String field) throws CliFailure {
    JsonNode value = json.get(field);
    if (value == null || !value.isBoolean()) {
      throw missing(field, "true or false");
    }
    return value.booleanValue();
  }

  /** The array {@code field} of {@code json}. */
  public static JsonNode array(JsonNode json, String field) throws CliFailure {
    JsonNode value = json.get(field);
    if (value == null || !value.isArray()) {
      throw missing(field, "an array");
    }
    return value;
  }

  private static CliFailure missing(String field, String kind) {
    return CliFailure.failed("the gateway's answer has no '" + field + "' as " + kind + " (a gateway of another version?)");
  }
}
