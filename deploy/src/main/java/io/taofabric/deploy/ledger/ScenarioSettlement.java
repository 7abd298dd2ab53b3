package io.taofabric.deploy.ledger;

import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.UidEmission;
import io.taofabric.core.scenario.ScenarioReplay;
import io.taofabric.core.scenario.StepOutcome;
import io.taofabric.deploy.epoch.EpochJsonReader;
import io.taofabric.sharding.LedgerSharding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.pattern.StatusReply;

/**
 * Runs a scenario's epochs through the engine and settles each on the ledger as subnet
 * {@code netuid}'s epochs 0, 1, 2…: the path from consensus to credited stake, without a network.
 * Settling the same scenario again changes nothing: each epoch is settled once.
 */
public final class ScenarioSettlement {
  private static final Duration ASK = Duration.ofSeconds(30);

  private ScenarioSettlement() {}

  /** What was settled. */
  public record Settled(int epochs, long rao) {}

  /** The coldkey a scenario's hotkey is paid to: scenarios name no owners, so each owns itself. */
  public static String coldkeyOf(String hotkey) {
    return hotkey + ".cold";
  }

  /** The epochs of {@code scenario} as the records the ledger keeps. */
  public static List<EpochSettled> epochs(EpochJsonReader.Scenario scenario, int netuid) {
    List<EpochSettled> epochs = new ArrayList<>();
    for (StepOutcome outcome : ScenarioReplay.run(scenario.initial(), scenario.steps()).outcomes()) {
      if (outcome instanceof StepOutcome.EpochRan ran) {
        List<UidEmission> paid = new ArrayList<>();
        long[] emission = ran.result().emission();
        for (int uid = 0; uid < emission.length; uid++) {
          if (emission[uid] > 0) {
            String hotkey = ran.hotkeys().get(uid);
            paid.add(new UidEmission(uid, hotkey, coldkeyOf(hotkey), emission[uid]));
          }
        }
        epochs.add(new EpochSettled(netuid, epochs.size(), ran.block(), paid));
      }
    }
    return epochs;
  }

  /** Settles {@code epochs} in order and waits until every credit is confirmed. */
  public static Settled settle(LedgerSharding ledger, int netuid, List<EpochSettled> epochs, Duration creditTimeout)
      throws Exception {
    long rao = 0;
    for (EpochSettled epoch : epochs) {
      StatusReply<?> reply =
          ledger
              .settlement(netuid)
              .<StatusReply<org.apache.pekko.Done>>ask(replyTo -> new SettlementEntity.Settle(epoch, replyTo), ASK)
              .toCompletableFuture()
              .get(ASK.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.isError()) {
        throw new IllegalStateException("epoch " + epoch.epoch() + " refused: " + reply.getError().getMessage());
      }
      rao += epoch.total();
    }
    awaitCredited(ledger, netuid, creditTimeout);
    return new Settled(epochs.size(), rao);
  }

  /** Waits until subnet {@code netuid} has no settled epoch with unconfirmed credits. */
  public static void awaitCredited(LedgerSharding ledger, int netuid, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Long> open =
          ledger
              .settlement(netuid)
              .<SettlementEntity.Uncredited>ask(SettlementEntity.GetUncredited::new, ASK)
              .toCompletableFuture()
              .get(ASK.toMillis(), TimeUnit.MILLISECONDS)
              .epochs();
      if (open.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("credits of epochs " + open + " still unconfirmed after " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }
}
