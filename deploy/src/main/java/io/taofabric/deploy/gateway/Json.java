package io.taofabric.deploy.gateway;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * The gateway's JSON: one strict mapper (a duplicate key or trailing text is malformed, not the
 * last value winning) and the checks request bodies share. Each failure is an {@link
 * IllegalArgumentException} naming the field, which the routes answer 400.
 */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** {@code body} as a JSON object whose fields are all among {@code allowed}. */
  static JsonNode object(byte[] body, Set<String> allowed) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON: " + firstLine(e));
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("the body must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'; expected " + allowed);
      }
    }
    return node;
  }

  /** The string field {@code name} of {@code node}. */
  static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("'" + name + "' must be a string");
    }
    return value.textValue();
  }

  /** The whole-number field {@code name} of {@code node}, as an int. */
  static int integer(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException("'" + name + "' must be a whole number");
    }
    return value.intValue();
  }

  /** The array of numbers {@code name} of {@code node}, at most {@code max} long. */
  static double[] numbers(JsonNode node, String name, int max) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException("'" + name + "' must be an array of numbers");
    }
    if (value.size() > max) {
      throw new IllegalArgumentException("'" + name + "' holds at most " + max + " numbers, got " + value.size());
    }
    double[] numbers = new double[value.size()];
    for (int i = 0; i < numbers.length; i++) {
      JsonNode n = value.get(i);
      if (!n.isNumber()) {
        throw new IllegalArgumentException("'" + name + "'[" + i + "] is not a number");
      }
      numbers[i] = n.doubleValue();
    }
    return numbers;
  }

  /** {@code value} as JSON bytes. */
  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static String firstLine(IOException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
