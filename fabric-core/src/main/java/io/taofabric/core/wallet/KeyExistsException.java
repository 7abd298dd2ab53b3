package io.taofabric.core.wallet;

/** A key file is already there and the caller did not ask to overwrite it ({@link ExistingKey#OVERWRITE}). */
public final class KeyExistsException extends WalletException {
  /** An existing key, as {@code message} says. */
  public KeyExistsException(String message) {
    super(message);
  }
}
