package io.taofabric.transport.validator;

import io.taofabric.transport.wire.Status;
import java.util.List;

/**
 * A fan-out round.
 *
 * @param requestId the round's nonce, which every reply carries
 * @param roundNs from the start of the round to its last answer or its deadline
 * @param results one per miner, in the order the fan-out was given its miners
 */
public record FanOutResult(long requestId, long roundNs, List<MinerResult> results) {
  /** How many miners ended the round with {@code status}. */
  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }
}
