package io.taofabric.core.subnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.subnet.SubnetCommand.CreateSubnet;
import io.taofabric.core.subnet.SubnetCommand.Register;
import io.taofabric.core.yuma.EpochInput;
import java.util.List;

/** Test helpers: drive a subnet through its commands as an entity would. */
final class Subnets {
  static final int NETUID = 1;
  static final String OWNER = "owner-cold";
  static final String OWNER_HOTKEY = "owner-hot";

  private Subnets() {}

  /** Mainnet defaults with no rate limit and a cheap burn, so tests need few blocks. */
  static SubnetHyperparameters quick() {
    return SubnetHyperparameters.DEFAULTS
        .with("weights_rate_limit", 0)
        .with("min_burn", 0)
        .with("burn", 10);
  }

  static Subnet created(SubnetHyperparameters params) {
    return accept(Subnet.uncreated(NETUID), new CreateSubnet(OWNER, OWNER_HOTKEY, params, 1));
  }

  /** A subnet with the owner and {@code hotkeys} (coldkey {@code "cold-" + hotkey}) registered at block 1. */
  static Subnet withHotkeys(SubnetHyperparameters params, String... hotkeys) {
    Subnet s = created(params);
    for (String hotkey : hotkeys) {
      s = accept(s, new Register(hotkey, "cold-" + hotkey, "burn-" + hotkey, params.burn(), 1));
    }
    return s;
  }

  /** The events {@code command} produces; fails the test on anything but acceptance. */
  static List<SubnetEvent> events(Subnet s, SubnetCommand command) {
    Decision<SubnetEvent> d = s.decide(command);
    if (d instanceof Decision.Accept<SubnetEvent> accepted) {
      return accepted.events();
    }
    return fail("expected acceptance, got " + d);
  }

  /** The subnet after {@code command}'s events. */
  static Subnet accept(Subnet s, SubnetCommand command) {
    Subnet next = s;
    for (SubnetEvent e : events(s, command)) {
      next = next.apply(e);
    }
    return next;
  }

  /** The reason {@code command} is refused; fails the test otherwise. */
  static String refusal(Subnet s, SubnetCommand command) {
    Decision<SubnetEvent> d = s.decide(command);
    if (d instanceof Decision.Reject<SubnetEvent> rejected) {
      return rejected.reason();
    }
    return fail("expected a refusal, got " + d);
  }

  static void assertSameEpochInput(EpochInput expected, EpochInput actual) {
    assertEquals(expected.block(), actual.block());
    assertArrayEquals(expected.stake(), actual.stake());
    assertEquals(expected.weights(), actual.weights());
    assertEquals(expected.bonds(), actual.bonds());
    assertArrayEquals(expected.lastUpdate(), actual.lastUpdate());
    assertArrayEquals(
        expected.blockAtRegistration(), actual.blockAtRegistration());
    assertArrayEquals(
        expected.validatorPermit(), actual.validatorPermit());
    assertArrayEquals(expected.commitBlocks(), actual.commitBlocks());
  }

  /** The state the journal {@code events} rebuilds, from an uncreated subnet. */
  static Subnet replay(List<SubnetEvent> events) {
    Subnet s = Subnet.uncreated(NETUID);
    for (SubnetEvent e : events) {
      s = s.apply(e);
    }
    return s;
  }
}
