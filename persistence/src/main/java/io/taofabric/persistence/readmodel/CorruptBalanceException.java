package io.taofabric.persistence.readmodel;

/**
 * A stored account in the read model that does not decode. Never replaced by a zero balance: the
 * read model is a cache of the journal, so the repair is to delete its file and catch up again.
 */
public final class CorruptBalanceException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  CorruptBalanceException(String coldkey, String problem) {
    super("read model entry of " + coldkey + " is corrupt: " + problem);
  }
}
