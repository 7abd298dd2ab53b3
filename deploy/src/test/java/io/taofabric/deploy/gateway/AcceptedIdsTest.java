package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptedIdsTest {
  private final AcceptedIds ids = new AcceptedIds(2);

  @Test
  void shouldSeeAnIdAgainUntilItExpires() {
    assertEquals(AcceptedIds.Outcome.RECORDED, ids.record("a", 100, 0));
    assertEquals(AcceptedIds.Outcome.SEEN, ids.record("a", 200, 50));
    assertTrue(ids.contains("a", 100), "still live at its expiry");
    assertFalse(ids.contains("a", 101));
    assertEquals(AcceptedIds.Outcome.RECORDED, ids.record("a", 300, 101), "after expiry the verifier refuses it as stale anyway");
  }

  @Test
  void shouldRefuseANewIdWhenFullRatherThanForgetALiveOne() {
    ids.record("a", 100, 0);
    ids.record("b", 100, 0);
    assertEquals(AcceptedIds.Outcome.FULL, ids.record("c", 100, 10));
    assertTrue(ids.contains("a", 10) && ids.contains("b", 10));
    assertEquals(AcceptedIds.Outcome.RECORDED, ids.record("c", 200, 101), "expired ids make room");
    assertEquals(AcceptedIds.Outcome.RECORDED, ids.record("d", 200, 101), "both of them");
  }

  @Test
  void shouldForgetAnIdSoItsResendPasses() {
    ids.record("a", 100, 0);
    ids.forget("a");
    assertFalse(ids.contains("a", 1));
    assertEquals(AcceptedIds.Outcome.RECORDED, ids.record("a", 300, 2));
    assertTrue(ids.contains("a", 150), "the old expiry does not remove the id recorded again");
  }
}
