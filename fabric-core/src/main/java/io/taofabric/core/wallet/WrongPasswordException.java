package io.taofabric.core.wallet;

/**
 * The password does not open the coldkey: AES-GCM's tag did not verify under the key derived from
 * it. The file's checksum matched, so the file is as it was written, unless someone rewrote it
 * deliberately, which no password check can tell from a typo.
 */
public final class WrongPasswordException extends WalletException {
  /** A wrong password, as {@code message} says. */
  public WrongPasswordException(String message) {
    super(message);
  }
}
