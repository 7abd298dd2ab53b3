package io.taofabric.deploy.gateway;

/** What a route answers: a JSON value with 200, or an error. */
sealed interface Reply {
  /** 200 with {@code json} (maps, lists and scalars Jackson writes). */
  record Ok(Object json) implements Reply {}

  /** The error's status and body. */
  record Failed(ApiError error) implements Reply {}

  static Reply ok(Object json) {
    return new Ok(json);
  }

  static Reply failed(ApiError error) {
    return new Failed(error);
  }
}
