package io.taofabric.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** Fields of the gateway's answers, each missing or mistyped one a failure that names it. */
public final class GatewayJson {
  private GatewayJson() {}

  /** The whole number {@code field} of {@code json}. */
  public static long number(JsonNode json, String field) throws CliFailure {
    return field(json, field, value -> value.canConvertToLong() && value.isIntegralNumber(), "a whole number").longValue();
  }

  /** The number {@code field} of {@code json}. */
  public static double decimal(JsonNode json, String field) throws CliFailure {
    return field(json, field, JsonNode::isNumber, "a number").doubleValue();
  }

  /** The string {@code field} of {@code json}. */
  public static String text(JsonNode json, String field) throws CliFailure {
    return field(json, field, JsonNode::isTextual, "a string").textValue();
  }

  /** The string {@code field} of {@code json}, or null when it is null or absent. */
  public static String optionalText(JsonNode json, String field) throws CliFailure {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : text(json, field);
  }

  /** The boolean {@code field} of {@code json}. */
  public static boolean flag(JsonNode json, String field) throws CliFailure {
    return field(json, field, JsonNode::isBoolean, "true or false").booleanValue();
  }

  /** The array {@code field} of {@code json}. */
  public static JsonNode array(JsonNode json, String field) throws CliFailure {
    return field(json, field, JsonNode::isArray, "an array");
  }

  /** {@code field} of {@code json} if it is there and {@code kind}; else the failure that names it. */
  private static JsonNode field(JsonNode json, String field, Predicate<JsonNode> isKind, String kind) throws CliFailure {
    JsonNode value = json.get(field);
    if (value == null || !isKind.test(value)) {
      throw CliFailure.failed("the gateway's answer has no '" + field + "' as " + kind + " (a gateway of another version?)");
    }
    return value;
  }
}
