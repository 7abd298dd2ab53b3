package io.taofabric.deploy.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --password-file}: the option of every command that opens or writes a coldkey. */
public final class PasswordOptions {
  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "The coldkey's password is FILE's first line; without this option, $" + PasswordSource.VARIABLE
              + ", else a prompt that does not echo. Never an option's value.")
  Path file;

  /** Where this command's password comes from. */
  public PasswordSource source() {
    return new PasswordSource(file, System.getenv(), PasswordSource.Terminal.system());
  }
}
