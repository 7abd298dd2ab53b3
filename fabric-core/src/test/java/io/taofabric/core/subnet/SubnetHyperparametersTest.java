package io.taofabric.core.subnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.yuma.EpochParams;
import org.junit.jupiter.api.Test;

class SubnetHyperparametersTest {
  private static final SubnetHyperparameters DEFAULTS = SubnetHyperparameters.DEFAULTS;

  @Test
  void shouldDefaultToMainnetsValues() {
    assertEquals(360, DEFAULTS.tempo());
    assertEquals(256, DEFAULTS.maxUids());
    assertEquals(4096, DEFAULTS.immunityPeriod());
    assertEquals(64, DEFAULTS.maxValidators());
    assertEquals(100, DEFAULTS.weightsPolicy().rateLimitBlocks());
    assertEquals(1_000_000_000L, DEFAULTS.burn());
    assertFalse(DEFAULTS.commitReveal());
  }

  @Test
  void shouldSetOneByNameAndKeepTheRest() {
    SubnetHyperparameters p = DEFAULTS.with("weights_rate_limit", "7").with("commit_reveal_weights_enabled", 1);
    assertEquals(7, p.weightsPolicy().rateLimitBlocks());
    assertTrue(p.commitReveal());
    assertEquals(DEFAULTS.with("weights_rate_limit", 7).with("commit_reveal_weights_enabled", "true"), p);
    assertEquals(DEFAULTS.tempo(), p.tempo());
    assertEquals(12, p.with("commit_reveal_delay", 12).revealWindow().delayBlocks());
  }

  @Test
  void shouldRefuseUnknownNamesAndOutOfRangeValuesNamingThem() {
    assertTrue(message("rho", "1").startsWith("unknown hyperparameter 'rho'; known: [activity_cutoff"));
    assertEquals("tempo must be in [1, 65535], got 0", message("tempo", "0"));
    assertEquals("tempo must not be negative, got -5", message("tempo", "-5"));
    assertEquals("tempo is out of range: 3000000000", message("tempo", "3000000000"));
    assertEquals("tempo needs a whole number, got '1.5'", message("tempo", "1.5"));
    assertEquals("burn must be in [500000, 100000000000], got 200000000000", message("burn", "200000000000"));
    assertEquals("min_burn must be in [0, 100000000000], got 100000000001", message("min_burn", "100000000001"));
    assertEquals("alpha_low must be in [0, 58982], got 60000", message("alpha_low", "60000"));
    assertEquals("commit_reveal_weights_enabled needs true or false, got 'maybe'", message("commit_reveal_weights_enabled", "maybe"));
    assertEquals("commit_reveal_window must be at least 1 block", message("commit_reveal_window", "0"));
    assertEquals("min_allowed_weights must be in [0, 256], got 300", message("min_allowed_weights", "300"));
  }

  @Test
  void shouldListEveryNameSorted() {
    assertEquals(21, SubnetHyperparameters.names().size());
    assertEquals("activity_cutoff", SubnetHyperparameters.names().first());
    for (String name : SubnetHyperparameters.names()) {
      assertThrows(IllegalArgumentException.class, () -> DEFAULTS.with(name, "x"), name);
    }
  }

  @Test
  void shouldFeedTheEpochItsParameters() {
    EpochParams e = DEFAULTS.with("stake_threshold", 1000).with("activity_cutoff", 77).epochParams(0, 5);
    assertEquals(0, e.ownerUid());
    assertEquals(5, e.lastEpochBlock());
    assertEquals(360, e.tempo());
    assertEquals(64, e.maxAllowedValidators());
    assertEquals(77, e.activityCutoff());
    assertEquals(1000, e.stakeThreshold());
  }

  private static String message(String name, String value) {
    return assertThrows(IllegalArgumentException.class, () -> DEFAULTS.with(name, value)).getMessage();
  }
}
