package io.taofabric.deploy.bench;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A sweep's sizes as given on the command line ({@code --n 64,256}): positive, sorted, each once. */
public final class Sizes {
  private Sizes() {}

  /** The sizes in ascending order without repeats; a size under 1 or over {@code max} is a usage error. */
  public static List<Integer> ascending(List<Integer> given, int max, String option, CommandSpec spec) {
    for (int size : given) {
      if (size < 1 || size > max) {
        throw new ParameterException(
            spec.commandLine(), option + ": " + size + " is out of range, each size must be 1 to " + max);
      }
    }
    return given.stream().distinct().sorted().toList();
  }
}
