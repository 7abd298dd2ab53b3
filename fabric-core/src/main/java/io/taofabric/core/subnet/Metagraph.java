package io.taofabric.core.subnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A subnet as its users see it, btcli-style: one row per UID with the last epoch's columns. A
 * plain value, cheap to send across the cluster, unlike the whole {@link Subnet}.
 *
 * @param netuid the subnet
 * @param ownerColdkey the owner, or null before the subnet exists
 * @param block the block the subnet has reached
 * @param epochs epochs run so far
 * @param tempo blocks between epochs
 * @param burn the rao a registration burns now
 * @param neurons one row per UID, in UID order
 */
public record Metagraph(
    int netuid, String ownerColdkey, long block, long epochs, long tempo, long burn, List<Row> neurons) {
  /** Copies the rows. */
  public Metagraph {
    neurons = List.copyOf(neurons);
  }

  /**
   * One UID. Proportions are u16 ({@code v / 65535}); stake and emission are rao.
   *
   * @param endpoint {@code host:port}, or null when none was served
   */
  public record Row(
      int uid,
      String hotkey,
      String coldkey,
      long stake,
      boolean validatorPermit,
      int consensus,
      int incentive,
      int dividends,
      int validatorTrust,
      long emission,
      long registeredAt,
      long lastUpdate,
      String endpoint) {}

  /**
   * The hotkeys holding a validator permit, each with its stake: the callers this subnet's miners
   * admit, serving the larger stakes first. The owner's hotkey holds a permit whatever its stake.
   */
  public SortedMap<String, Long> permittedStakes() {
    SortedMap<String, Long> permitted = new TreeMap<>();
    for (Row row : neurons) {
      if (row.validatorPermit()) {
        permitted.put(row.hotkey(), row.stake());
      }
    }
    return Collections.unmodifiableSortedMap(permitted);
  }

  /** The endpoint ({@code host:port}) each hotkey has served, for the hotkeys that served one. */
  public SortedMap<String, String> servedEndpoints() {
    SortedMap<String, String> served = new TreeMap<>();
    for (Row row : neurons) {
      if (row.endpoint() != null) {
        served.put(row.hotkey(), row.endpoint());
      }
    }
    return Collections.unmodifiableSortedMap(served);
  }

  /** The metagraph of {@code subnet} at {@code block}, the latest block it has seen. */
  public static Metagraph of(Subnet subnet, long block) {
    List<Row> rows = new ArrayList<>();
    List<UidEpochResult> last = subnet.lastEpoch();
    List<Neuron> neurons = subnet.state().neurons();
    for (int uid = 0; uid < neurons.size(); uid++) {
      Neuron n = neurons.get(uid);
      UidEpochResult r = uid < last.size() && last.get(uid).hotkey().equals(n.hotkey()) ? last.get(uid) : null;
      rows.add(
          new Row(
              uid,
              n.hotkey(),
              subnet.coldkeyOf(n.hotkey()),
              subnet.state().stakeOf(uid),
              n.validatorPermit(),
              r == null ? 0 : r.consensus(),
              r == null ? 0 : r.incentive(),
              r == null ? 0 : r.dividends(),
              r == null ? 0 : r.validatorTrust(),
              n.emission(),
              n.registeredAt(),
              n.lastUpdate(),
              subnet.endpointOf(n.hotkey())));
    }
    SubnetHyperparameters h = subnet.hyperparameters();
    return new Metagraph(
        subnet.netuid(), subnet.ownerColdkey(), block, subnet.epochsApplied(), h.tempo(), h.burn(), rows);
  }
}
