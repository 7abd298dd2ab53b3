package io.taofabric.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bytes a codec wrote are a public format: every (type, version) ever written has a golden file
 * under {@code src/test/resources/golden} of the module that must decode in every later build, and
 * the current version must still write exactly those bytes. A new type or version needs its file:
 * run the module's test once with {@code -Dgolden.write=true} and commit what it writes. Existing
 * files are never rewritten. A test class extends this with its registry and one sample per type.
 */
public abstract class GoldenBytesContract {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  /** The registry whose codecs the golden files pin. */
  protected abstract CodecRegistry registry();

  /** One sample of every registered type, in its current version. */
  protected abstract List<Object> samples();

  @Test
  void shouldHaveASampleOfEveryRegisteredType() {
    List<String> missing = new ArrayList<>();
    for (VersionedCodec<?> codec : registry().codecs()) {
      if (samples().stream().noneMatch(s -> s.getClass() == codec.type())) {
        missing.add(codec.type().getName());
      }
    }
    assertTrue(missing.isEmpty(), "no golden sample for " + missing);
  }

  @TestFactory
  Stream<DynamicTest> shouldEncodeTheCurrentVersionExactlyAsTheGoldenBytes() {
    return samples().stream()
        .map(sample -> DynamicTest.dynamicTest(sample.getClass().getSimpleName(), () -> checkCurrent(sample)));
  }

  @TestFactory
  Stream<DynamicTest> shouldDecodeEveryGoldenFileEverWritten() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(GOLDEN)) {
      files = list.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
    }
    assertTrue(files.size() >= samples().size(), "golden files: " + files.size());
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> registry().decode(Files.readAllBytes(f))));
  }

  private void checkCurrent(Object sample) throws IOException {
    VersionedCodec<?> codec = registry().codecs().stream().filter(c -> c.type() == sample.getClass()).findFirst().orElseThrow();
    Path file = GOLDEN.resolve(codec.typeId() + "-" + codec.type().getSimpleName() + "-v" + codec.currentVersion() + ".bin");
    byte[] encoded = registry().encode(sample);
    if (!Files.exists(file)) {
      if (!Boolean.getBoolean("golden.write")) {
        fail("no golden bytes in " + file + ": run with -Dgolden.write=true once and commit the file");
      }
      Files.write(file, encoded);
    }
    byte[] golden = Files.readAllBytes(file);
    assertEquals(sample, registry().decode(golden));
    assertArrayEquals(golden, encoded, "the current version must still write " + file.getFileName());
  }
}
