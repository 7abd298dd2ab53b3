package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetHyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ViewsTest {
  private static final Metagraph METAGRAPH =
      new Metagraph(
          1,
          "owner",
          200,
          4,
          10,
          1_000,
          List.of(new Metagraph.Row(0, "hot", "cold", 500, true, 65_535, 0, 32_768, 1, 99, 3, 150, "10.0.0.1:9")));

  @Test
  void shouldSelectFieldsInTheOrderAskedOnce() {
    assertEquals(List.of("stake", "uid"), Views.neuronFields("stake, uid,stake"));
    assertEquals(13, Views.neuronFields(null).size());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Views.neuronFields("uid,rank"));
    assertEquals(true, unknown.getMessage().startsWith("unknown field 'rank'"));
    assertThrows(IllegalArgumentException.class, () -> Views.neuronFields("uid,"));
  }

  @Test
  void shouldWriteProportionsAsNumbersInTheUnitInterval() {
    @SuppressWarnings("unchecked") // the view's neurons are maps by construction
    Map<String, Object> neuron = ((List<Map<String, Object>>) Views.metagraph(METAGRAPH, Views.neuronFields(null)).get("neurons")).get(0);
    assertEquals(1.0, neuron.get("consensus"));
    assertEquals(0.0, neuron.get("incentive"));
    assertEquals(32_768 / 65_535.0, neuron.get("dividends"));
    assertEquals(500L, neuron.get("stake"));
    assertEquals("10.0.0.1:9", neuron.get("endpoint"));
  }

  @Test
  void shouldNameEveryHyperparameterAsTheSubnetTakesIt() {
    SubnetHyperparameters h = SubnetHyperparameters.DEFAULTS.with("tempo", 99).with("commit_reveal_weights_enabled", "true");
    Map<String, Object> view = Views.hyperparameters(h);
    assertEquals(new ArrayList<>(SubnetHyperparameters.names()), new ArrayList<>(view.keySet()));
    for (Map.Entry<String, Object> entry : view.entrySet()) {
      assertEquals(h, h.with(entry.getKey(), entry.getValue().toString()), entry.getKey() + " reads back as it was set");
    }
    assertEquals(99, view.get("tempo"));
    assertEquals(true, view.get("commit_reveal_weights_enabled"));
  }

  @Test
  void shouldListAnAccountsStakes() {
    TreeMap<StakeKey, Long> stakes = new TreeMap<>(Map.of(new StakeKey("hot", 2), 40L));
    Map<String, Object> view = Views.account(new AccountEntity.Balance("cold", 7, stakes));
    assertEquals(Map.of("coldkey", "cold", "free", 7L, "stakes", List.of(Map.of("netuid", 2, "hotkey", "hot", "amount", 40L))), view);
  }
}
