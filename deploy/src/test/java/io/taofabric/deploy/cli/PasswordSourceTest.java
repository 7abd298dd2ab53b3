package io.taofabric.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {
  @TempDir Path dir;

  /** A terminal that answers each prompt with the next of {@code lines} and records the prompts. */
  private static final class ScriptedTerminal implements PasswordSource.Terminal {
    final Deque<String> lines;
    final List<String> prompts = new ArrayList<>();

    ScriptedTerminal(String... lines) {
      this.lines = new ArrayDeque<>(List.of(lines));
    }

    @Override
    public char[] readPassword(String prompt) {
      prompts.add(prompt);
      String line = lines.poll();
      return line == null ? null : line.toCharArray();
    }
  }

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("password"), content, StandardCharsets.UTF_8);
  }

  @Nested
  class FromAFile {
    @Test
    void shouldTakeTheFirstLineWithoutItsLineBreak() throws Exception {
      PasswordSource source = new PasswordSource(file("pässword\r\nsecond line\n"), Map.of(), null);

      assertArrayEquals("pässword".toCharArray(), source.existing("wallet 'a'"));
      assertArrayEquals("pässword".toCharArray(), source.fresh("wallet 'a'"));
    }

    @Test
    void shouldBeatTheEnvironmentAndNeverPrompt() throws Exception {
      ScriptedTerminal terminal = new ScriptedTerminal("typed");
      PasswordSource source = new PasswordSource(file("from file"), Map.of(PasswordSource.VARIABLE, "from env"), terminal);

      assertArrayEquals("from file".toCharArray(), source.existing("wallet 'a'"));
      assertEquals(List.of(), terminal.prompts);
    }

    @Test
    void shouldRefuseAnEmptyFirstLineOrAMissingFileAsBadInput() throws Exception {
      CliFailure empty = assertThrows(CliFailure.class, () -> new PasswordSource(file("\nsecret\n"), Map.of(), null).existing("w"));
      CliFailure missing =
          assertThrows(CliFailure.class, () -> new PasswordSource(dir.resolve("absent"), Map.of(), null).existing("w"));

      assertEquals(CliFailure.BAD_INPUT, empty.exitCode());
      assertEquals("the password file " + dir.resolve("password") + " has an empty first line", empty.getMessage());
      assertEquals(CliFailure.BAD_INPUT, missing.exitCode());
      assertEquals("no such password file: " + dir.resolve("absent"), missing.getMessage());
    }
  }

  @Nested
  class FromTheEnvironment {
    @Test
    void shouldTakeTheVariableWhenNoFileIsGiven() throws Exception {
      PasswordSource source = new PasswordSource(null, Map.of(PasswordSource.VARIABLE, "from env"), new ScriptedTerminal());

      assertArrayEquals("from env".toCharArray(), source.fresh("wallet 'a'"));
    }

    @Test
    void shouldRefuseAnEmptyVariable() {
      CliFailure e =
          assertThrows(CliFailure.class, () -> new PasswordSource(null, Map.of(PasswordSource.VARIABLE, ""), null).existing("w"));

      assertEquals("FABRIC_WALLET_PASSWORD is set but empty", e.getMessage());
    }
  }

  @Nested
  class FromATerminal {
    @Test
    void shouldPromptOnceForAnExistingColdkey() throws Exception {
      ScriptedTerminal terminal = new ScriptedTerminal("typed");

      assertArrayEquals("typed".toCharArray(), new PasswordSource(null, Map.of(), terminal).existing("wallet 'a'"));
      assertEquals(List.of("password of the coldkey of wallet 'a': "), terminal.prompts);
    }

    @Test
    void shouldPromptTwiceForANewColdkeyAndRefuseTwoDifferentAnswers() throws Exception {
      assertArrayEquals("same".toCharArray(), new PasswordSource(null, Map.of(), new ScriptedTerminal("same", "same")).fresh("w"));

      CliFailure e = assertThrows(CliFailure.class, () -> new PasswordSource(null, Map.of(), new ScriptedTerminal("one", "two")).fresh("w"));
      assertEquals("the two passwords differ; nothing was written", e.getMessage());
    }

    @Test
    void shouldFailWithoutATerminalNamingTheOtherWays() {
      CliFailure e = assertThrows(CliFailure.class, () -> new PasswordSource(null, Map.of(), null).existing("w"));

      assertEquals(CliFailure.FAILED, e.exitCode());
      assertEquals("no password: give --password-file FILE, set FABRIC_WALLET_PASSWORD, or run the command in a terminal", e.getMessage());
    }

    @Test
    void shouldFailAtEndOfInput() {
      CliFailure e = assertThrows(CliFailure.class, () -> new PasswordSource(null, Map.of(), new ScriptedTerminal()).existing("w"));

      assertEquals("no password was typed", e.getMessage());
    }
  }
}
