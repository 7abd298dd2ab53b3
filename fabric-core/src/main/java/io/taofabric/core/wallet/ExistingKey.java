package io.taofabric.core.wallet;

/** What writing a key does when a key file of that name is already there. */
public enum ExistingKey {
  /** Leave it, and fail with {@link KeyExistsException}: a key may be the only copy of a secret. */
  REFUSE,
  /** Replace it, atomically: the file holds the old key or the new one, never a mix. */
  OVERWRITE
}
