package io.taofabric.deploy.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a coldkey's password comes from, first found wins: a file's first line, the environment
 * variable {@value #VARIABLE}, or a prompt on the terminal that does not echo. Never an option's
 * value, which other users see in {@code ps} and which shell history keeps. Passwords are char
 * arrays the caller wipes once the coldkey is opened or written.
 */
public final class PasswordSource {
  /** The environment variable a script can pass the password in. */
  public static final String VARIABLE = "FABRIC_WALLET_PASSWORD";

  /** A terminal that reads a line without echoing it; null when there is none. */
  @FunctionalInterface
  public interface Terminal {
    /** The line typed after {@code prompt}, or null at end of input. */
    char[] readPassword(String prompt);

    /** The process's console, or null when stdin or stdout is not a terminal. */
    static Terminal system() {
      Console console = System.console();
      return console == null ? null : prompt -> console.readPassword("%s", prompt);
    }
  }

  private final Path file;
  private final Map<String, String> environment;
  private final Terminal terminal;

  /**
   * @param file the password file, or null
   * @param environment the process's environment variables
   * @param terminal where to prompt, or null when there is no terminal
   */
  public PasswordSource(Path file, Map<String, String> environment, Terminal terminal) {
    this.file = file;
    this.environment = environment;
    this.terminal = terminal;
  }

  /** The password of an existing coldkey, prompted for as {@code what} (e.g. "wallet 'default'"). */
  public char[] existing(String what) throws CliFailure {
    char[] given = fromFileOrEnvironment();
    return given != null ? given : prompt("password of the coldkey of " + what + ": ");
  }

  /** The password for a new coldkey; typed twice when prompted for. */
  public char[] fresh(String what) throws CliFailure {
    char[] given = fromFileOrEnvironment();
    if (given != null) {
      return given;
    }
    char[] first = prompt("new password for the coldkey of " + what + ": ");
    char[] again = prompt("the same password again: ");
    try {
      if (!Arrays.equals(first, again)) {
        Arrays.fill(first, '\0');
        throw CliFailure.failed("the two passwords differ; nothing was written");
      }
      return first;
    } finally {
      Arrays.fill(again, '\0');
    }
  }

  private char[] fromFileOrEnvironment() throws CliFailure {
    if (file != null) {
      return firstLine(file);
    }
    String variable = environment.get(VARIABLE);
    if (variable != null) {
      if (variable.isEmpty()) {
        throw CliFailure.badInput(VARIABLE + " is set but empty");
      }
      return variable.toCharArray();
    }
    return null;
  }

  private char[] prompt(String prompt) throws CliFailure {
    if (terminal == null) {
      throw CliFailure.failed(
          "no password: give --password-file FILE, set " + VARIABLE + ", or run the command in a terminal");
    }
    char[] typed = terminal.readPassword(prompt);
    if (typed == null) {
      throw CliFailure.failed("no password was typed");
    }
    return typed;
  }

  private static char[] firstLine(Path file) throws CliFailure {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw CliFailure.badInput("no such password file: " + file);
    } catch (IOException e) {
      throw CliFailure.badInput("cannot read the password file " + file + ": " + e.getMessage());
    }
    CharBuffer text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
    Arrays.fill(bytes, (byte) 0);
    int end = 0;
    while (end < text.limit() && text.get(end) != '\n' && text.get(end) != '\r') {
      end++;
    }
    char[] line = new char[end];
    text.get(line);
    Arrays.fill(text.array(), '\0');
    if (line.length == 0) {
      throw CliFailure.badInput("the password file " + file + " has an empty first line");
    }
    return line;
  }
}
