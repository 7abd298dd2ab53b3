package io.taofabric.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code fabric} in-process on a file and captures its exit status, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@code fabric args}. */
  public static CliRun of(String... args) {
    return with(CommandLine.defaultFactory(), args);
  }

  /** Runs {@code fabric args}, its commands and options made by {@code factory}. */
  public static CliRun with(CommandLine.IFactory factory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FabricCli.commandLine(factory);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Writes {@code json} to a temporary file and runs {@code fabric epoch MODE file}. */
  public static CliRun epoch(String mode, String json) {
    try {
      Path file = Files.createTempFile("epoch-", ".json");
      try {
        Files.writeString(file, json);
        return of("epoch", mode, file.toString());
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #epoch(String, String)}, for a JSON tree. */
  public static CliRun epoch(String mode, JsonNode json) {
    return epoch(mode, json.toString());
  }

  /** Stdout as JSON; fails the test when the command failed. */
  public JsonNode json() {
    if (exitCode != 0) {
      throw new AssertionError("fabric exited " + exitCode + ": " + err);
    }
    try {
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
