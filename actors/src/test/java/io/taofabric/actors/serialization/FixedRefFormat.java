package io.taofabric.actors.serialization;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * Writes its one ref as a fixed remote path and reads that path back as the ref, so golden bytes
 * do not depend on the test system's name or the ref's random uid.
 */
final class FixedRefFormat implements ActorRefFormat {
  static final String PATH = "pekko://taofabric@10.0.0.1:25520/system/sharding/Account/7/5Falice#-1520263214";

  private final ActorRef<Object> ref;

  FixedRefFormat(ActorRef<Object> ref) {
    this.ref = ref;
  }

  @Override
  public String write(ActorRef<?> r) {
    if (!r.equals(ref)) {
      throw new IllegalArgumentException("not the fixed ref: " + r);
    }
    return PATH;
  }

  @Override
  public <T> ActorRef<T> read(String format) {
    if (!format.equals(PATH)) {
      throw new IllegalArgumentException("not the fixed path: " + format);
    }
    return ref.narrow();
  }
}
