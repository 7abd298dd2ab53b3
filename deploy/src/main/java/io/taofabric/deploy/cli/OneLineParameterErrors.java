package io.taofabric.deploy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Options picocli cannot parse (unknown, missing, malformed) as the commands report their own bad
 * input: one line on stderr naming the command, and the command's exit status for invalid input
 * (2), instead of picocli's message followed by the whole usage text.
 */
public final class OneLineParameterErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ") + " (see " + name + " --help)");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
