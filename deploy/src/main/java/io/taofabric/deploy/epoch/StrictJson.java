package io.taofabric.deploy.epoch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/** Typed reads from a JSON tree that fail with an {@link InputError} naming the path. */
final class StrictJson {
  private StrictJson() {}

  static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new InputError(path + ": expected an object, got " + describe(node));
    }
    return node;
  }

  static JsonNode array(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw new InputError(path + ": expected an array, got " + describe(node));
    }
    return node;
  }

  static JsonNode required(JsonNode object, String key, String path) {
    JsonNode value = object.get(key);
    if (value == null) {
      throw new InputError(path + ": missing \"" + key + "\"");
    }
    return value;
  }

  static long integer(JsonNode node, String path, long min, long max) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new InputError(path + ": expected an integer, got " + describe(node));
    }
    long v = node.asLong();
    if (v < min || v > max) {
      throw new InputError(path + ": " + v + " is outside [" + min + ", " + max + "]");
    }
    return v;
  }

  static boolean bool(JsonNode node, String path) {
    if (node == null || !node.isBoolean()) {
      throw new InputError(path + ": expected true or false, got " + describe(node));
    }
    return node.asBoolean();
  }

  /** A scalar (string or integer) used as an identifier. */
  static String identifier(JsonNode node, String path) {
    if (node == null || !(node.isTextual() || node.isIntegralNumber()) || node.asText().isEmpty()) {
      throw new InputError(path + ": expected a string or integer identifier, got " + describe(node));
    }
    return node.asText();
  }

  static void onlyKeys(JsonNode object, Set<String> allowed, Set<String> ignored, String path) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name) && !ignored.contains(name)) {
        throw new InputError(path + ": unknown key \"" + name + "\"");
      }
    }
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String text = node.toString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }
}
