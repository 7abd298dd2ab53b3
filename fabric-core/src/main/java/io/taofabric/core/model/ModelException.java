package io.taofabric.core.model;

/** A model could not answer: its message says why in terms a miner's operator can act on. */
public final class ModelException extends Exception {
  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
