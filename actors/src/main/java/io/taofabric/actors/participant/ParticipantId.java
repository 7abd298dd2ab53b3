package io.taofabric.actors.participant;

/**
 * Who a validator or miner entity is: a hotkey in one subnet, as the entity id {@code
 * netuid/hotkey}. A hotkey registered in two subnets is two participants with separate records.
 */
public record ParticipantId(int netuid, String hotkey) {
  /** Validates the parts. */
  public ParticipantId {
    if (netuid < 0 || hotkey == null || hotkey.isBlank()) {
      throw new IllegalArgumentException("a participant needs a netuid >= 0 and a hotkey, got " + netuid + "/" + hotkey);
    }
  }

  /** The id {@code netuid/hotkey} of {@link #entityId()}; the hotkey is everything after the first '/'. */
  public static ParticipantId parse(String entityId) {
    int slash = entityId.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("a participant's entity id is netuid/hotkey, got '" + entityId + "'");
    }
    return new ParticipantId(Integer.parseInt(entityId.substring(0, slash)), entityId.substring(slash + 1));
  }

  /** {@code netuid/hotkey}. */
  public String entityId() {
    return netuid + "/" + hotkey;
  }
}
