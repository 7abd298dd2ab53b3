package io.taofabric.deploy.cli;

/**
 * Why a command stops: a message of one line, fit to print after the command's name, and the exit
 * status that goes with it.
 */
public final class CliFailure extends Exception {
  /** Exit status for options or input the command cannot use. */
  public static final int BAD_INPUT = 2;

  /** Exit status for everything else that went wrong: the wallet, the password, the gateway. */
  public static final int FAILED = 1;

  private final int exitCode;
  private final boolean nothingApplied;

  private CliFailure(int exitCode, String message, boolean nothingApplied) {
    super(message);
    this.exitCode = exitCode;
    this.nothingApplied = nothingApplied;
  }

  /** Options or input the command cannot use; exit status {@link #BAD_INPUT}. */
  public static CliFailure badInput(String message) {
    return new CliFailure(BAD_INPUT, message, true);
  }

  /** A failure the user did not cause by what they typed; exit status {@link #FAILED}. */
  public static CliFailure failed(String message) {
    return new CliFailure(FAILED, message, false);
  }

  /**
   * The network certainly did not apply what was asked: the gateway refused it (a 4xx answer), or
   * could not be reached at all; exit status {@link #FAILED}.
   */
  public static CliFailure notApplied(String message) {
    return new CliFailure(FAILED, message, true);
  }

  /**
   * Whether the failure leaves nothing applied. False when it may have been, e.g. a transaction
   * sent without an answer in time.
   */
  public boolean nothingApplied() {
    return nothingApplied;
  }

  /** The exit status. */
  public int exitCode() {
    return exitCode;
  }
}
