package io.taofabric.core.participant;

import static io.taofabric.core.participant.Participants.COMMIT_REVEAL;
import static io.taofabric.core.participant.Participants.DIRECT;
import static io.taofabric.core.participant.Participants.NETUID;
import static io.taofabric.core.participant.Participants.VALIDATOR;
import static io.taofabric.core.participant.Participants.metagraph;
import static io.taofabric.core.participant.Participants.seeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.ledger.Decision;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random rounds of scoring and weights against one validator and one miner: replaying the accepted
 * events from the initial state rebuilds the live state, and averages stay within [0, 10^6].
 */
class ParticipantReplayProperties {
  private static final String[] MINERS = {"a", "b", "c", "d"};

  @Property(tries = 200)
  void shouldRebuildTheValidatorFromItsEvents(
      @ForAll @Size(max = 40) List<@DoubleRange(min = 0, max = 1) Double> scores,
      @ForAll @IntRange(min = 1, max = 1_000_000) int alpha,
      @ForAll boolean commitReveal) {
    SecureRandom random = seeded();
    List<ValidatorEvent> journal = new ArrayList<>();
    ValidatorState live = ValidatorState.initial(VALIDATOR, NETUID);
    live = take(live, live.start(NETUID), journal);
    long block = 1;
    for (int i = 0; i < scores.size(); i++) {
      block += 37;
      live = take(live, live.recordScores(Map.of(MINERS[i % MINERS.length], scores.get(i)), block, alpha), journal);
      WeightsAction action = live.nextAction(metagraph(block, MINERS), commitReveal ? COMMIT_REVEAL : DIRECT, random);
      if (action instanceof WeightsAction.Submission s) {
        live = take(live, Decision.accept(s.acknowledged()), journal);
      }
    }
    ValidatorState replayed = ValidatorState.initial(VALIDATOR, NETUID);
    for (ValidatorEvent e : journal) {
      replayed = replayed.apply(e);
    }
    assertEquals(live, replayed);
    live.averages().values().forEach(v -> assertTrue(v >= 0 && v <= Scores.SCALE, "average " + v));
  }

  @Property(tries = 200)
  void shouldRebuildTheMinerFromItsEvents(
      @ForAll @Size(max = 30) List<@IntRange(min = -2, max = 1_000) Integer> counts, @ForAll @IntRange(min = 1, max = 65_535) int port) {
    List<MinerEvent> journal = new ArrayList<>();
    MinerState live = MinerState.initial("5Hminer", NETUID);
    live = take(live, live.announce("miner.example:" + port, 3), journal);
    for (int i = 0; i + 1 < counts.size(); i += 2) {
      live = take(live, live.countQueries(counts.get(i), counts.get(i + 1), i), journal);
    }
    MinerState replayed = MinerState.initial("5Hminer", NETUID);
    for (MinerEvent e : journal) {
      replayed = replayed.apply(e);
    }
    assertEquals(live, replayed);
  }

  private static ValidatorState take(ValidatorState state, Decision<ValidatorEvent> decision, List<ValidatorEvent> journal) {
    ValidatorState s = state;
    if (decision instanceof Decision.Accept<ValidatorEvent> accept) {
      for (ValidatorEvent e : accept.events()) {
        journal.add(e);
        s = s.apply(e);
      }
    }
    return s;
  }

  private static MinerState take(MinerState state, Decision<MinerEvent> decision, List<MinerEvent> journal) {
    MinerState s = state;
    if (decision instanceof Decision.Accept<MinerEvent> accept) {
      for (MinerEvent e : accept.events()) {
        journal.add(e);
        s = s.apply(e);
      }
    }
    return s;
  }
}
