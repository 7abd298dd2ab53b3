package io.taofabric.core.task;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a shipped dataset's lines from the classpath, gunzipping {@code .gz} files. */
final class DatasetResources {
  private static final String FOLDER = "/datasets/";

  private DatasetResources() {}

  /**
   * The non-blank lines of {@code fileName}. A missing or unreadable dataset is a packaging bug, not a
   * condition to recover from, hence unchecked.
   */
  static List<String> lines(String fileName) {
    InputStream raw = DatasetResources.class.getResourceAsStream(FOLDER + fileName);
    if (raw == null) {
      throw new IllegalStateException("dataset " + FOLDER + fileName + " is not on the classpath");
    }
    try (InputStream in = fileName.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dataset " + fileName, e);
    }
  }

  /** {@code cell} as a number, or an error naming the file and line. */
  static double number(String cell, String fileName, int lineNumber) {
    try {
      return Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(fileName + " line " + lineNumber + ": '" + cell + "' is not a number", e);
    }
  }
}
