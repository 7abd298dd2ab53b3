package io.taofabric.deploy.gateway;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetHyperparameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON shapes of the read routes, as ordered maps Jackson writes as they are. Amounts are rao
 * as integers, keys as strings, proportions (consensus, incentive, dividends, validator trust) as
 * numbers in [0, 1] (the subnet's u16 over 65535). Names are snake case, as Bittensor's are.
 */
final class Views {
  private static final double U16_MAX = 65_535.0;

  /** A neuron's fields by name, in the order a full metagraph lists them. */
  private static final Map<String, Function<Metagraph.Row, Object>> NEURON_FIELDS = neuronFields();

  /** Every hyperparameter by its Bittensor name, as {@link SubnetHyperparameters#with} takes it. */
  private static final Map<String, Function<SubnetHyperparameters, Object>> HYPERPARAMETERS = hyperparameterFields();

  private Views() {}

  /**
   * The fields {@code ?fields=} selects ({@code uid,hotkey,stake}); every field when {@code
   * selection} is null.
   *
   * @throws IllegalArgumentException naming an unknown or empty field
   */
  static List<String> neuronFields(String selection) {
    if (selection == null) {
      return List.copyOf(NEURON_FIELDS.keySet());
    }
    Set<String> fields = new LinkedHashSet<>();
    for (String field : selection.split(",", -1)) {
      String name = field.strip();
      if (!NEURON_FIELDS.containsKey(name)) {
        throw new IllegalArgumentException("unknown field '" + name + "'; known: " + String.join(",", NEURON_FIELDS.keySet()));
      }
      fields.add(name);
    }
    return List.copyOf(fields);
  }

  /** {@code GET /v1/subnets/{netuid}/metagraph}: the subnet, then each neuron with {@code fields}. */
  static Map<String, Object> metagraph(Metagraph m, List<String> fields) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("netuid", m.netuid());
    view.put("block", m.block());
    view.put("epochs", m.epochs());
    view.put("tempo", m.tempo());
    view.put("burn", m.burn());
    view.put("owner_coldkey", m.ownerColdkey());
    List<Map<String, Object>> neurons = new ArrayList<>(m.neurons().size());
    for (Metagraph.Row row : m.neurons()) {
      Map<String, Object> neuron = new LinkedHashMap<>();
      for (String field : fields) {
        neuron.put(field, NEURON_FIELDS.get(field).apply(row));
      }
      neurons.add(neuron);
    }
    view.put("neurons", neurons);
    return view;
  }

  /** One entry of {@code GET /v1/subnets}: its creation record and its metagraph now. */
  static Map<String, Object> subnet(SubnetCreationStarted created, Metagraph m) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("netuid", created.netuid());
    view.put("owner_coldkey", created.ownerColdkey());
    view.put("owner_hotkey", created.ownerHotkey());
    view.put("tempo", m.tempo());
    view.put("neurons", m.neurons().size());
    view.put("block", m.block());
    view.put("epochs", m.epochs());
    view.put("burn", m.burn());
    view.put("emission_share", created.shareMillionths() / 1_000_000.0);
    view.put("lock_cost", created.lockCost());
    view.put("created_at_block", created.block());
    return view;
  }

  /** {@code GET /v1/subnets/{netuid}/hyperparameters}: every hyperparameter by Bittensor name, sorted. */
  static Map<String, Object> hyperparameters(SubnetHyperparameters h) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (String name : SubnetHyperparameters.names()) {
      view.put(name, HYPERPARAMETERS.get(name).apply(h));
    }
    return view;
  }

  /** {@code GET /v1/accounts/{coldkey}}: the free balance and each stake. */
  static Map<String, Object> account(AccountEntity.Balance balance) {
    List<Map<String, Object>> stakes = new ArrayList<>();
    for (Map.Entry<StakeKey, Long> stake : balance.stakes().entrySet()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("netuid", stake.getKey().netuid());
      entry.put("hotkey", stake.getKey().hotkey());
      entry.put("amount", stake.getValue());
      stakes.add(entry);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("coldkey", balance.coldkey());
    view.put("free", balance.free());
    view.put("stakes", stakes);
    return view;
  }

  private static Map<String, Function<Metagraph.Row, Object>> neuronFields() {
    Map<String, Function<Metagraph.Row, Object>> fields = new LinkedHashMap<>();
    fields.put("uid", Metagraph.Row::uid);
    fields.put("hotkey", Metagraph.Row::hotkey);
    fields.put("coldkey", Metagraph.Row::coldkey);
    fields.put("stake", Metagraph.Row::stake);
    fields.put("validator_permit", Metagraph.Row::validatorPermit);
    fields.put("consensus", r -> r.consensus() / U16_MAX);
    fields.put("incentive", r -> r.incentive() / U16_MAX);
    fields.put("dividends", r -> r.dividends() / U16_MAX);
    fields.put("validator_trust", r -> r.validatorTrust() / U16_MAX);
    fields.put("emission", Metagraph.Row::emission);
    fields.put("registered_at", Metagraph.Row::registeredAt);
    fields.put("last_update", Metagraph.Row::lastUpdate);
    fields.put("endpoint", Metagraph.Row::endpoint);
    return Collections.unmodifiableMap(fields);
  }

  private static Map<String, Function<SubnetHyperparameters, Object>> hyperparameterFields() {
    return Map.ofEntries(
        Map.entry("tempo", SubnetHyperparameters::tempo),
        Map.entry("max_allowed_uids", SubnetHyperparameters::maxUids),
        Map.entry("immunity_period", SubnetHyperparameters::immunityPeriod),
        Map.entry("max_allowed_validators", SubnetHyperparameters::maxValidators),
        Map.entry("activity_cutoff", SubnetHyperparameters::activityCutoff),
        Map.entry("kappa", SubnetHyperparameters::kappa),
        Map.entry("bonds_penalty", SubnetHyperparameters::bondsPenalty),
        Map.entry("bonds_moving_avg", SubnetHyperparameters::bondsMovingAverage),
        Map.entry("yuma3_enabled", SubnetHyperparameters::yuma3),
        Map.entry("liquid_alpha_enabled", SubnetHyperparameters::liquidAlpha),
        Map.entry("alpha_low", SubnetHyperparameters::alphaLow),
        Map.entry("alpha_high", SubnetHyperparameters::alphaHigh),
        Map.entry("weights_rate_limit", h -> h.weightsPolicy().rateLimitBlocks()),
        Map.entry("min_allowed_weights", h -> h.weightsPolicy().minAllowedWeights()),
        Map.entry("stake_threshold", h -> h.weightsPolicy().stakeThreshold()),
        Map.entry("commit_reveal_weights_enabled", SubnetHyperparameters::commitReveal),
        Map.entry("commit_reveal_delay", h -> h.revealWindow().delayBlocks()),
        Map.entry("commit_reveal_window", h -> h.revealWindow().windowBlocks()),
        Map.entry("burn", SubnetHyperparameters::burn),
        Map.entry("min_burn", SubnetHyperparameters::minBurn),
        Map.entry("max_burn", SubnetHyperparameters::maxBurn));
  }
}
