package io.taofabric.persistence.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.taofabric.core.ledger.AccountEvent.TransferredOut;
import io.taofabric.core.ledger.SettlementEvent.EpochCredited;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Pekko picks our serializer for the ledger's types by the bindings in reference.conf. */
class FabricSerializerBindingTest {
  private static final ActorTestKit TEST_KIT = ActorTestKit.create();

  @AfterAll
  static void shutDown() {
    TEST_KIT.shutdownTestKit();
  }

  @Test
  void shouldRoundTripLedgerEventsThroughPekkoSerialization() {
    Serialization serialization = SerializationExtension.get(TEST_KIT.system());
    for (Object event : new Object[] {new TransferredOut("t1", "bob", 5, 9), new EpochCredited(1, 2, 3)}) {
      var serializer = assertInstanceOf(FabricSerializer.class, serialization.findSerializerFor(event));
      byte[] bytes = serialization.serialize(event).get();
      Object back =
          serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, event)).get();
      assertEquals(event, back);
    }
  }
}
