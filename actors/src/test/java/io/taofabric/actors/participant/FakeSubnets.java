package io.taofabric.actors.participant;

import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * One subnet as a participant sees it: a metagraph and weights rules the test sets, and commands
 * forwarded to a probe and acknowledged, or refused while {@link #refusal} is set.
 */
final class FakeSubnets implements Subnets {
  private final ActorRef<SubnetCommand.Direct> sent;
  volatile Metagraph metagraph;
  volatile WeightsRules rules;
  volatile String refusal;

  FakeSubnets(ActorRef<SubnetCommand.Direct> sent, Metagraph metagraph, WeightsRules rules) {
    this.sent = sent;
    this.metagraph = metagraph;
    this.rules = rules;
  }

  /** Subnet 3 at {@code block}: {@code validator} at UID 0 with a permit, then {@code miners}. */
  static Metagraph metagraph(long block, String validator, String... miners) {
    List<Metagraph.Row> rows = new ArrayList<>();
    rows.add(new Metagraph.Row(0, validator, "5Fcold", 0, true, 0, 0, 0, 0, 0, 0, 0, null));
    for (int i = 0; i < miners.length; i++) {
      rows.add(new Metagraph.Row(i + 1, miners[i], "5Fcold", 0, false, 0, 0, 0, 0, 0, 0, 0, null));
    }
    return new Metagraph(3, "5Fowner", block, 0, 360, 1_000_000_000L, rows);
  }

  @Override
  public CompletionStage<Metagraph> metagraph(int netuid) {
    return CompletableFuture.completedFuture(metagraph);
  }

  @Override
  public CompletionStage<WeightsRules> weightsRules(int netuid) {
    return CompletableFuture.completedFuture(rules);
  }

  @Override
  public CompletionStage<StatusReply<Done>> execute(int netuid, SubnetCommand.Direct command) {
    sent.tell(command);
    String refused = refusal;
    return CompletableFuture.completedFuture(refused == null ? StatusReply.ack() : StatusReply.error(refused));
  }
}
