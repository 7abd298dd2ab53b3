package io.taofabric.core.ledger;

/** Stake is held per hotkey per subnet. */
public record StakeKey(String hotkey, int netuid) implements Comparable<StakeKey> {
  @Override
  public int compareTo(StakeKey o) {
    int c = hotkey.compareTo(o.hotkey);
    return c != 0 ? c : Integer.compare(netuid, o.netuid);
  }
}
