package io.taofabric.persistence.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed with SIGKILL while it applies events, as a node dies: the next open
 * recovers the file (stale segment locks would otherwise dead-lock the first write to their
 * segment), and every account's balance still matches its offset, because both live in one entry.
 */
class BalanceReadModelCrashTest {
  private static final long ROUNDS_BEFORE_KILL = 3_000;

  @TempDir Path dir;

  @Test
  void shouldRecoverAConsistentFileAfterTheWriterIsKilled() throws Exception {
    Path file = dir.resolve("balances.cm");
    Path writerErrors = dir.resolve("writer.err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), file.toString()));
    Process writer = new ProcessBuilder(command).redirectError(writerErrors.toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.equals("applied " + ROUNDS_BEFORE_KILL));
      assertNotNull(line, () -> "the writer ended on its own: " + readQuietly(writerErrors));
    } finally {
      writer.destroyForcibly().waitFor();
    }
    assertTrue(Files.exists(dir.resolve("balances.cm.owner")), "a killed owner leaves its marker");

    try (BalanceReadModel model = BalanceReadModel.open(file, 1_000)) {
      for (int account = 0; account < CrashingWriter.ACCOUNTS; account++) {
        String id = CrashingWriter.persistenceId(account);
        long offset = model.offset(id);
        assertTrue(offset >= ROUNDS_BEFORE_KILL || offset == 0, id + " at " + offset + "; 0 only if recovery dropped it");
        assertEquals(offset, model.balance(id.substring("Account|".length())).free(), id + ": balance and offset agree");
        assertTrue(model.apply(id, offset + 1, new GenesisCredited("after", 1, offset + 1)), id + " writable again");
      }
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "(no stderr: " + e + ")";
    }
  }
}
