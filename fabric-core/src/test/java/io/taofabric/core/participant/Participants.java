package io.taofabric.core.participant;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.subnet.Metagraph;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** Test values for the participant rule books. */
final class Participants {
  static final int NETUID = 3;
  static final String VALIDATOR = "5Hvalidator";
  static final WeightsRules DIRECT = new WeightsRules(false, 100, 0, 1);
  static final WeightsRules COMMIT_REVEAL = new WeightsRules(true, 100, 360, 360);

  private Participants() {}

  /** One metagraph row: a registered hotkey with a permit and its last weights update. */
  static Metagraph.Row row(int uid, String hotkey, boolean permit, long lastUpdate) {
    return new Metagraph.Row(uid, hotkey, "5Fcold", 0, permit, 0, 0, 0, 0, 0, 0, lastUpdate, null);
  }

  /** Subnet {@link #NETUID} at {@code block}: the validator at UID 0 (permit, never updated) and {@code miners} after it. */
  static Metagraph metagraph(long block, String... miners) {
    return metagraph(block, true, 0, miners);
  }

  static Metagraph metagraph(long block, boolean permit, long lastUpdate, String... miners) {
    List<Metagraph.Row> rows = new ArrayList<>();
    rows.add(row(0, VALIDATOR, permit, lastUpdate));
    for (int i = 0; i < miners.length; i++) {
      rows.add(row(i + 1, miners[i], false, 0));
    }
    return new Metagraph(NETUID, "5Fowner", block, 0, 360, 1_000_000_000L, rows);
  }

  /** A seeded generator, so salts are the same in every run. */
  static SecureRandom seeded() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(42);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code state} after the events {@code decision} accepted; fails on anything else. */
  static <E> List<E> accepted(Decision<E> decision) {
    if (decision instanceof Decision.Accept<E> accept) {
      return accept.events();
    }
    throw new AssertionError("not accepted: " + decision);
  }

  /** Fails unless {@code decision} refuses with a reason containing {@code reasonPart}. */
  static <E> void assertRefused(Decision<E> decision, String reasonPart) {
    if (!(decision instanceof Decision.Reject<E> reject) || !reject.reason().contains(reasonPart)) {
      throw new AssertionError("expected a refusal mentioning '" + reasonPart + "', got " + decision);
    }
  }

  static ValidatorState started() {
    ValidatorState s = ValidatorState.initial(VALIDATOR, NETUID);
    for (ValidatorEvent e : accepted(s.start(NETUID))) {
      s = s.apply(e);
    }
    return s;
  }

  static ValidatorState applyAll(ValidatorState state, Decision<ValidatorEvent> decision) {
    ValidatorState s = state;
    for (ValidatorEvent e : accepted(decision)) {
      s = s.apply(e);
    }
    return s;
  }
}
