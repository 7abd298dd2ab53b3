package io.taofabric.core.wallet;

/**
 * A key file cannot be read as a key: not one of our formats, a version this build does not know,
 * truncated, altered (its checksum or public key does not match), or out of range. Nothing is
 * loaded from such a file.
 */
public final class KeyFileException extends WalletException {
  /** An unreadable key file, as {@code message} says. */
  public KeyFileException(String message) {
    super(message);
  }
}
