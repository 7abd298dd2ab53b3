package io.taofabric.deploy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The line every bench starts with, so a figure can always be read against the machine it came from. */
public final class Machine {
  private Machine() {}

  /** Cores, JVM, maximum heap and the load average when the bench started (a shared machine is noisy). */
  public static String line() {
    return String.format(
        Locale.ROOT,
        "machine: %d cores, java %s, max heap %d MB, load average %s",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        loadAverage());
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown (no /proc/loadavg)";
    }
  }
}
