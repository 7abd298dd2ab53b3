package io.taofabric.core.participant;

/** What happened to one miner. */
public sealed interface MinerEvent {
  /** The block the event was recorded at. */
  long block();

  /** The subnet accepted {@code endpoint} as where the miner answers queries. */
  record EndpointAnnounced(String endpoint, long block) implements MinerEvent {}

  /** The miner answered {@code answered} more queries and failed {@code failed} more. */
  record QueriesCounted(long answered, long failed, long block) implements MinerEvent {}
}
