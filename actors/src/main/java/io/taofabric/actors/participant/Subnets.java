package io.taofabric.actors.participant;

import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.pattern.StatusReply;

/** How a participant reaches its subnet, wherever the subnet runs. */
public interface Subnets {
  /** The metagraph of {@code netuid} as of now; its block is the block the subnet has reached. */
  CompletionStage<Metagraph> metagraph(int netuid);

  /** When {@code netuid} accepts weights: commit–reveal or not, rate limit, reveal window. */
  CompletionStage<WeightsRules> weightsRules(int netuid);

  /** Sends {@code command} to {@code netuid}; completes with the subnet's acknowledgement or refusal. */
  CompletionStage<StatusReply<Done>> execute(int netuid, SubnetCommand.Direct command);
}
