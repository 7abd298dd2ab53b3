package io.taofabric.transport.miner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PermittedCallersTest {
  @Test
  void shouldAdmitNobodyBeforeTheFirstMetagraph() {
    assertEquals(CallerPolicy.NOT_PERMITTED, new PermittedCallers().permittedStake("validator"));
  }

  @Test
  void shouldAdmitExactlyTheLatestPermittedCallersAtTheirStake() {
    // given
    PermittedCallers callers = new PermittedCallers();
    callers.update(Map.of("validator", 100L, "owner", 0L));
    // when
    callers.update(Map.of("owner", 0L, "newcomer", 7L));
    // then
    assertEquals(CallerPolicy.NOT_PERMITTED, callers.permittedStake("validator"), "its permit is gone");
    assertEquals(0L, callers.permittedStake("owner"), "a permit without stake still admits");
    assertEquals(7L, callers.permittedStake("newcomer"));
  }
}
