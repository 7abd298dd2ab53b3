package io.taofabric.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taofabric.core.ledger.TransferEvent.TransferCompleted;
import io.taofabric.core.ledger.TransferEvent.TransferDebited;
import io.taofabric.core.ledger.TransferEvent.TransferFailed;
import org.junit.jupiter.api.Test;

class TransferTest {
  private static final TransferRequest REQUEST = new TransferRequest("t1", "alice", "bob", 5, 10);

  private static Transfer requested() {
    Transfer t = new Transfer();
    ((Decision.Accept<TransferEvent>) t.decideRequest(REQUEST)).events().forEach(t::apply);
    return t;
  }

  @Test
  void shouldGoFromRequestedThroughDebitedToCompleted() {
    Transfer t = requested();
    assertEquals(Transfer.Stage.REQUESTED, t.stage());
    assertEquals(new Decision.Accept<>(java.util.List.of(new TransferDebited("t1"))), t.decideDebitAnswer(null));
    t.apply(new TransferDebited("t1"));
    assertInstanceOf(Decision.AlreadyApplied.class, t.decideDebitAnswer(null), "a late debit answer changes nothing");
    assertEquals(new Decision.Accept<>(java.util.List.of(new TransferCompleted("t1"))), t.decideCredited());
    t.apply(new TransferCompleted("t1"));
    assertInstanceOf(Decision.AlreadyApplied.class, t.decideCredited());
  }

  @Test
  void shouldFailWhenTheSenderRefuses() {
    Transfer t = requested();
    assertEquals(new Decision.Accept<>(java.util.List.of(new TransferFailed("t1", "no"))), t.decideDebitAnswer("no"));
    t.apply(new TransferFailed("t1", "no"));
    assertEquals(Transfer.Stage.FAILED, t.stage());
    assertEquals("no", t.failure());
    assertInstanceOf(Decision.AlreadyApplied.class, t.decideCredited(), "a failed transfer is never credited");
  }

  @Test
  void shouldTreatTheSameRequestAsARepeatAndAnotherAsAConflict() {
    Transfer t = requested();
    assertInstanceOf(Decision.AlreadyApplied.class, t.decideRequest(REQUEST));
    assertInstanceOf(Decision.Reject.class, t.decideRequest(new TransferRequest("t1", "alice", "bob", 6, 10)));
  }

  @Test
  void shouldRefuseMalformedRequests() {
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest("t", "alice", "alice", 5, 1));
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest("t", "alice", "bob", 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest(" ", "alice", "bob", 5, 1));
    assertThrows(IllegalArgumentException.class, () -> new TransferRequest("t", "alice", "bob", 5, -1));
  }
}
