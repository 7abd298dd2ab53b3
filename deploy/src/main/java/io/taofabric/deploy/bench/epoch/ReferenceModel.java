package io.taofabric.deploy.bench.epoch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taofabric.core.yuma.EpochInput;
import io.taofabric.core.yuma.EpochParams;
import io.taofabric.deploy.epoch.EpochJsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The spec's executable reference model, {@code yuma_ref.py} (a copy in this package's resources),
 * run by {@code python3} through a small driver on the same snapshot as the engine: the baseline of
 * {@code fabric bench epoch}, and a check that the engine computes the same thing.
 */
final class ReferenceModel implements AutoCloseable {
  private static final String MODEL = "yuma_ref.py";
  private static final String DRIVER = "yuma_ref_bench.py";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Why there is no baseline for a figure; its message is printed as the reason. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String reason) {
      super(reason);
    }
  }

  private final Path dir;
  private final int maxEpochs;
  private final double maxSeconds;

  private ReferenceModel(Path dir, int maxEpochs, double maxSeconds) {
    this.dir = dir;
    this.maxEpochs = maxEpochs;
    this.maxSeconds = maxSeconds;
  }

  /**
   * Unpacks the model and its driver, once python3 has answered; each run times up to {@code
   * maxEpochs} epochs, stopping early once {@code maxSeconds} have passed (after at least one).
   */
  static ReferenceModel open(int maxEpochs, double maxSeconds) throws Unavailable, IOException {
    requirePython();
    Path dir = Files.createTempDirectory("fabric-bench-yuma-ref");
    for (String name : new String[] {MODEL, DRIVER}) {
      try (InputStream in = ReferenceModel.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is missing from the classpath");
        }
        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return new ReferenceModel(dir, maxEpochs, maxSeconds);
  }

  /** Times the model on one epoch; {@code hardLimitSeconds} bounds a single epoch that runs too long. */
  ReferenceRun run(EpochInput input, EpochParams params, long rao, long hardLimitSeconds)
      throws Unavailable, IOException, InterruptedException {
    Path caseFile = dir.resolve("case.json");
    try (Writer out = Files.newBufferedWriter(caseFile, StandardCharsets.UTF_8)) {
      EpochJsonWriter.writeInput(input, params, rao, out);
    }
    Path output = dir.resolve("out.json");
    Path errors = dir.resolve("err.txt");
    Process python =
        new ProcessBuilder(
                "python3", DRIVER, caseFile.toString(), Integer.toString(maxEpochs), Double.toString(maxSeconds))
            .directory(dir.toFile())
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile())
            .start();
    if (!python.waitFor(hardLimitSeconds, TimeUnit.SECONDS)) {
      python.destroyForcibly().waitFor();
      throw new Unavailable("yuma_ref.py took over " + hardLimitSeconds + " s, stopped");
    }
    if (python.exitValue() != 0) {
      String stderr = Files.readString(errors).strip();
      throw new Unavailable("yuma_ref.py failed: " + stderr.substring(stderr.lastIndexOf('\n') + 1));
    }
    return parse(Files.readString(output));
  }

  /** Reads the driver's one JSON object: {@code epoch_ms}, {@code incentive_bits}, {@code dividends_bits}. */
  static ReferenceRun parse(String driverOutput) throws IOException {
    JsonNode root = JSON.readTree(driverOutput);
    if (root == null || !root.isObject()) {
      throw new IOException("the driver printed no JSON object: " + driverOutput.strip());
    }
    return new ReferenceRun(doubles(root, "epoch_ms"), longs(root, "incentive_bits"), longs(root, "dividends_bits"));
  }

  private static double[] doubles(JsonNode root, String field) throws IOException {
    JsonNode array = array(root, field);
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static long[] longs(JsonNode root, String field) throws IOException {
    JsonNode array = array(root, field);
    long[] values = new long[array.size()];
    for (int i = 0; i < values.length; i++) {
      if (!array.get(i).isIntegralNumber() || !array.get(i).canConvertToLong()) {
        throw new IOException(field + "[" + i + "] is not a 64-bit integer: " + array.get(i));
      }
      values[i] = array.get(i).asLong();
    }
    return values;
  }

  private static JsonNode array(JsonNode root, String field) throws IOException {
    JsonNode array = root.get(field);
    if (array == null || !array.isArray()) {
      throw new IOException("the driver's output has no array \"" + field + "\"");
    }
    return array;
  }

  private static void requirePython() throws Unavailable {
    try {
      Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      probe.getInputStream().transferTo(OutputStream.nullOutputStream());
      if (probe.waitFor() != 0) {
        throw new Unavailable("python3 --version exited with " + probe.exitValue());
      }
    } catch (IOException e) {
      throw new Unavailable("python3 not found on PATH");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while looking for python3");
    }
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
