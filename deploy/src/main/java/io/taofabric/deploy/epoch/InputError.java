package io.taofabric.deploy.epoch;

/** Input that does not follow the epoch contract; the message says where and what. */
public final class InputError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InputError(String message) {
    super(message);
  }
}
