package io.taofabric.core.participant;

import io.taofabric.core.ledger.Decision;
import io.taofabric.core.participant.MinerEvent.EndpointAnnounced;
import io.taofabric.core.participant.MinerEvent.QueriesCounted;
import io.taofabric.core.subnet.Endpoint;

/**
 * One miner's own record: the endpoint the subnet holds for it, and how many queries it has
 * answered and failed. Immutable: {@link #apply} returns a new state.
 *
 * @param endpoint {@code host:port} the subnet accepted, or null before the first announcement
 * @param lastBlock the latest block an event was recorded at
 */
public record MinerState(String hotkey, int netuid, String endpoint, long answered, long failed, long lastBlock) {
  /** A miner that has served nothing and answered nothing. */
  public static MinerState initial(String hotkey, int netuid) {
    return new MinerState(hotkey, netuid, null, 0, 0, 0);
  }

  /** Announcing {@code endpoint} at {@code block}; refused if it is not {@code host:port}. */
  public Decision<MinerEvent> announce(String endpoint, long block) {
    String problem = Endpoint.refusal(endpoint);
    return problem != null ? Decision.reject(problem) : Decision.accept(new EndpointAnnounced(endpoint, Math.max(block, lastBlock)));
  }

  /**
   * Counting {@code answered} and {@code failed} more queries at {@code block}; two zeros are
   * acknowledged without an event, since they change nothing.
   */
  public Decision<MinerEvent> countQueries(long answered, long failed, long block) {
    if (answered < 0 || failed < 0) {
      return Decision.reject("query counts must not be negative, got " + answered + " answered and " + failed + " failed");
    }
    if (answered == 0 && failed == 0) {
      return new Decision.AlreadyApplied<>();
    }
    if (answered > Long.MAX_VALUE - this.answered || failed > Long.MAX_VALUE - this.failed) {
      return Decision.reject("query counts would overflow");
    }
    return Decision.accept(new QueriesCounted(answered, failed, Math.max(block, lastBlock)));
  }

  /** The state after {@code event}. */
  public MinerState apply(MinerEvent event) {
    long block = Math.max(lastBlock, event.block());
    if (event instanceof EndpointAnnounced e) {
      return new MinerState(hotkey, netuid, e.endpoint(), answered, failed, block);
    }
    QueriesCounted e = (QueriesCounted) event;
    return new MinerState(hotkey, netuid, endpoint, answered + e.answered(), failed + e.failed(), block);
  }
}
