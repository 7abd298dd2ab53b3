package io.taofabric.core.wallet;

/**
 * A wallet operation failed; the message is one line that names the wallet, key or file and the
 * problem, fit for a command line to print as it is. Subclasses tell apart what a caller may want to
 * handle on its own: {@link WrongPasswordException}, {@link KeyFileException}, {@link
 * KeyExistsException}.
 */
public class WalletException extends Exception {
  /** A failure described by {@code message}. */
  public WalletException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause} (an I/O error). */
  public WalletException(String message, Throwable cause) {
    super(message, cause);
  }
}
