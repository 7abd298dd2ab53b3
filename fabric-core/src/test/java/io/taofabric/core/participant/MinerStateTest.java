package io.taofabric.core.participant;

import static io.taofabric.core.participant.Participants.accepted;
import static io.taofabric.core.participant.Participants.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.participant.MinerEvent.EndpointAnnounced;
import io.taofabric.core.participant.MinerEvent.QueriesCounted;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinerStateTest {
  private static final MinerState FRESH = MinerState.initial("5Hminer", 3);


  @Test
  void shouldAnnounceAHostAndPort() {
    assertEquals(List.of(new EndpointAnnounced("10.0.0.7:8091", 20)), accepted(FRESH.announce("10.0.0.7:8091", 20)));
    assertEquals(new MinerState("5Hminer", 3, "10.0.0.7:8091", 0, 0, 20), FRESH.apply(new EndpointAnnounced("10.0.0.7:8091", 20)));
  }

  @Test
  void shouldRefuseAnEndpointThatIsNotHostAndPort() {
    assertRefused(FRESH.announce("10.0.0.7", 20), "not host:port");
    assertRefused(FRESH.announce("", 20), "empty");
    assertRefused(FRESH.announce("10.0.0.7:70000", 20), "port");
  }

  @Test
  void shouldAddQueryCounts() {
    MinerState s = FRESH.apply(new QueriesCounted(5, 1, 30)).apply(new QueriesCounted(2, 0, 25));
    assertEquals(7, s.answered());
    assertEquals(1, s.failed());
    assertEquals(30, s.lastBlock(), "the latest block stays");
    assertEquals(List.of(new QueriesCounted(1, 2, 30)), accepted(s.countQueries(1, 2, 12)), "never stamped before the last block");
  }

  @Test
  void shouldRefuseNegativeOrOverflowingCountsAndAcknowledgeNothing() {
    assertRefused(FRESH.countQueries(-1, 0, 1), "negative");
    assertRefused(FRESH.countQueries(0, -1, 1), "negative");
    assertRefused(FRESH.apply(new QueriesCounted(Long.MAX_VALUE, 0, 1)).countQueries(1, 0, 1), "overflow");
    assertInstanceOf(Decision.AlreadyApplied.class, FRESH.countQueries(0, 0, 1));
  }
}
