package io.taofabric.core.wallet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The text layout our key files share, read strictly: a header line {@code <kind> <version>}, then
 * one {@code name=value} line per field in a fixed order, each line ending in LF, ASCII only,
 * nothing else. A file is either exactly what {@link #render} writes or refused, so a field can
 * never be half read, defaulted or doubled.
 */
final class KeyText {
  private KeyText() {}

  /** The file of {@code kind}, {@code version}, with {@code values} under {@code names}, in order. */
  static byte[] render(String kind, int version, List<String> names, List<String> values) {
    StringBuilder text = new StringBuilder().append(kind).append(' ').append(version).append('\n');
    for (int i = 0; i < names.size(); i++) {
      text.append(names.get(i)).append('=').append(values.get(i)).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The values under {@code names}, in order, of {@code file}, a {@code kind} file of {@code
   * version} at {@code where}.
   *
   * @throws KeyFileException naming the problem: not a {@code kind} file, another version, a
   *     missing, extra, reordered or empty field, or anything but ASCII text with LF line ends
   */
  static List<String> parse(byte[] file, String kind, int version, List<String> names, Path where)
      throws KeyFileException {
    for (byte b : file) {
      if (b < 0 || b == '\r') {
        throw new KeyFileException(where + " is not a " + kind + " file: it is not plain ASCII text with LF line ends");
      }
    }
    String text = new String(file, StandardCharsets.US_ASCII);
    if (!text.endsWith("\n")) {
      throw new KeyFileException(where + " is truncated: it does not end with a line break");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    requireHeader(lines[0], kind, version, where);
    if (lines.length - 1 != names.size()) {
      throw new KeyFileException(
          where + " has " + (lines.length - 1) + " fields, a " + kind + " file has " + names.size()
              + (lines.length - 1 < names.size() ? ": it is truncated" : ""));
    }
    List<String> values = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String prefix = names.get(i) + "=";
      String line = lines[i + 1];
      if (!line.startsWith(prefix) || line.length() == prefix.length()) {
        throw new KeyFileException(where + " line " + (i + 2) + " should be " + prefix + "<value>");
      }
      values.add(line.substring(prefix.length()));
    }
    return values;
  }

  /**
   * The {@code bytes} bytes that {@code value}, field {@code name} of the file at {@code where},
   * holds as lowercase hex.
   */
  static byte[] hex(String value, int bytes, String name, Path where) throws KeyFileException {
    if (value.length() != 2 * bytes || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new KeyFileException(where + ": " + name + " must be " + bytes + " bytes in lowercase hex");
    }
    return HexFormat.of().parseHex(value);
  }

  private static void requireHeader(String header, String kind, int version, Path where) throws KeyFileException {
    String prefix = kind + " ";
    if (!header.startsWith(prefix)) {
      throw new KeyFileException(where + " is not a " + kind + " file");
    }
    String found = header.substring(prefix.length());
    if (found.equals(Integer.toString(version))) {
      return;
    }
    if (found.matches("[1-9][0-9]{0,8}") && Integer.parseInt(found) > version) {
      throw new KeyFileException(
          where + " is a " + kind + " file of version " + found + ", written by a newer taofabric; this one reads version "
              + version);
    }
    throw new KeyFileException(where + " is a " + kind + " file of unknown version '" + found + "'");
  }
}
