package io.taofabric.actors.serialization;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/** How messages carry actor refs: as Pekko's serialization-format strings, which any node resolves. */
public interface ActorRefFormat {
  /** The string that stands for {@code ref} in a message. */
  String write(ActorRef<?> ref);

  /** The ref {@code format} stands for. */
  <T> ActorRef<T> read(String format);

  /** The format of {@code system}'s {@link ActorRefResolver}. */
  static ActorRefFormat of(ExtendedActorSystem system) {
    return new ActorRefFormat() {
      // Looked up on first use, not here: serializers are built while the system's Serialization
      // extension starts (Pekko's own typed serializer defers its resolver the same way).
      private volatile ActorRefResolver resolver;

      @Override
      public String write(ActorRef<?> ref) {
        return resolver().toSerializationFormat(ref);
      }

      @Override
      public <T> ActorRef<T> read(String format) {
        return resolver().resolveActorRef(format);
      }

      private ActorRefResolver resolver() {
        ActorRefResolver r = resolver;
        if (r == null) {
          r = ActorRefResolver.get(Adapter.toTyped(system));
          resolver = r;
        }
        return r;
      }
    };
  }
}
