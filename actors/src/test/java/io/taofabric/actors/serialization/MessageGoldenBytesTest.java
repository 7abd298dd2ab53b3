package io.taofabric.actors.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.taofabric.persistence.serialization.CodecRegistry;
import io.taofabric.persistence.serialization.VersionedCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bytes nodes exchange are a format too: during a rolling upgrade a node reads what an older
 * one wrote. Every (type, version) of a message or nested value has a golden file under
 * src/test/resources/golden that must decode in every later build; refs are written as one fixed
 * remote path ({@link FixedRefFormat}). A new type or version needs its file: run {@code mvn -pl
 * actors test -Dgolden.write=true -Dtest=MessageGoldenBytesTest} once and commit what it writes.
 * Existing files are never rewritten.
 */
class MessageGoldenBytesTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final ActorTestKit TEST_KIT = ActorTestKit.create();
  private static final ActorRef<Object> REPLY_TO = TEST_KIT.createTestProbe().getRef();
  /** Messages and nested values in one registry: their type ids and classes are disjoint. */
  private static final CodecRegistry REGISTRY = new CodecRegistry(codecs());

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  private static List<VersionedCodec<?>> codecs() {
    List<VersionedCodec<?>> codecs = new ArrayList<>(MessageCodecs.all(new FixedRefFormat(REPLY_TO)));
    codecs.addAll(MessageCodecs.values());
    return codecs;
  }

  private static List<Object> samples() {
    List<Object> samples = new ArrayList<>(MessageSamples.messages(REPLY_TO));
    samples.addAll(MessageSamples.values());
    return samples;
  }

  @Test
  void shouldHaveASampleOfEveryRegisteredType() {
    List<String> missing = new ArrayList<>();
    for (VersionedCodec<?> codec : REGISTRY.codecs()) {
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
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> REGISTRY.decode(Files.readAllBytes(f))));
  }

  private static void checkCurrent(Object sample) throws IOException {
    VersionedCodec<?> codec = REGISTRY.codecs().stream().filter(c -> c.type() == sample.getClass()).findFirst().orElseThrow();
    Path file = GOLDEN.resolve(codec.typeId() + "-" + codec.type().getSimpleName() + "-v" + codec.currentVersion() + ".bin");
    byte[] encoded = REGISTRY.encode(sample);
    if (!Files.exists(file)) {
      if (!Boolean.getBoolean("golden.write")) {
        fail("no golden bytes in " + file + ": run with -Dgolden.write=true once and commit the file");
      }
      Files.write(file, encoded);
    }
    byte[] golden = Files.readAllBytes(file);
    assertEquals(sample, REGISTRY.decode(golden));
    assertArrayEquals(golden, encoded, "the current version must still write " + file.getFileName());
  }
}
